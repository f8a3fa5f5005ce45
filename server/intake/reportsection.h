#pragma once

#include <string>

namespace civicdesk::server {

/**
 * Writes body under "### <subsection>" inside the "## Intake classifier" section of the
 * Markdown file at path, replacing that subsection only. A missing file starts with the line
 * "# CivicDesk benchmarks"; a missing section or subsection is appended. Other sections are
 * kept byte for byte. Throws Poco::WriteFileException.
 */
void writeIntakeReportSection(
    const std::string &path, const std::string &subsection, const std::string &body);

/** The same on text in memory; returns the new text. */
std::string replaceIntakeReportSection(
    const std::string &markdown, const std::string &subsection, const std::string &body);

} // namespace civicdesk::server
