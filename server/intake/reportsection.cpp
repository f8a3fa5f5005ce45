#include "intake/reportsection.h"

#include <Poco/Exception.h>
#include <fstream>
#include <sstream>

namespace civicdesk::server {

namespace {

const std::string SectionHeading = "## Intake classifier";

/** Position of the line that starts with prefix at or after from, or npos. */
std::size_t findLine(const std::string &text, const std::string &prefix, std::size_t from)
{
    for (std::size_t pos = from; pos < text.size();) {
        if (text.compare(pos, prefix.size(), prefix) == 0) {
            return pos;
        }
        const std::size_t next = text.find('\n', pos);
        if (next == std::string::npos) {
            break;
        }
        pos = next + 1;
    }
    return std::string::npos;
}

std::string withNewline(std::string text)
{
    if (!text.empty() && text.back() != '\n') {
        text += '\n';
    }
    return text;
}

} // namespace

std::string replaceIntakeReportSection(
    const std::string &markdown, const std::string &subsection, const std::string &body)
{
    std::string text = markdown.empty() ? "# CivicDesk benchmarks\n" : withNewline(markdown);
    const std::string block = "### " + subsection + "\n\n" + withNewline(body) + "\n";

    std::size_t section = findLine(text, SectionHeading + "\n", 0);
    if (section == std::string::npos) {
        text += "\n" + SectionHeading + "\n\n";
        section = findLine(text, SectionHeading + "\n", 0);
    }
    const std::size_t sectionEnd = std::min(findLine(text, "## ", section + 1), text.size());
    const std::size_t start = findLine(text, "### " + subsection + "\n", section);
    if (start == std::string::npos || start >= sectionEnd) {
        return text.substr(0, sectionEnd) + block + text.substr(sectionEnd);
    }
    std::size_t end = std::min(findLine(text, "### ", start + 1), sectionEnd);
    return text.substr(0, start) + block + text.substr(end);
}

void writeIntakeReportSection(
    const std::string &path, const std::string &subsection, const std::string &body)
{
    std::string markdown;
    if (std::ifstream input(path, std::ios::binary); input) {
        std::ostringstream content;
        content << input.rdbuf();
        markdown = content.str();
    }
    std::ofstream output(path, std::ios::binary | std::ios::trunc);
    output << replaceIntakeReportSection(markdown, subsection, body);
    if (!output.flush()) {
        throw Poco::WriteFileException("cannot write the benchmark report", path);
    }
}

} // namespace civicdesk::server
