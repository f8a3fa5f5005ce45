#include "importer/csvreader.h"

#include <Poco/Exception.h>
#include <fstream>

namespace civicdesk::server {

CsvReader::CsvReader(std::istream &input)
    : m_input(input)
{
}

std::optional<std::vector<std::string>> CsvReader::readRecord()
{
    m_error.clear();
    if (m_input.peek() == std::char_traits<char>::eof()) {
        return std::nullopt;
    }
    m_recordLine = m_line;

    std::vector<std::string> fields(1);
    bool quoted = false;
    bool afterQuote = false;
    char c = 0;
    while (m_input.get(c)) {
        if (quoted) {
            if (c == '"') {
                if (m_input.peek() == '"') {
                    m_input.get(c);
                    fields.back().push_back('"');
                } else {
                    quoted = false;
                    afterQuote = true;
                }
            } else {
                if (c == '\n') {
                    ++m_line;
                }
                fields.back().push_back(c);
            }
            continue;
        }
        if (c == ',') {
            fields.emplace_back();
            afterQuote = false;
        } else if (c == '\n') {
            ++m_line;
            break;
        } else if (c == '\r') {
            continue; // the CR of a CRLF line end
        } else if (c == '"' && fields.back().empty() && !afterQuote) {
            quoted = true;
        } else {
            fields.back().push_back(c);
        }
    }
    if (quoted) {
        m_error = "unterminated quoted field";
    }
    return fields;
}

CsvTable CsvTable::load(const std::string &path)
{
    std::ifstream input(path, std::ios::binary);
    if (!input) {
        throw Poco::FileNotFoundException("cannot open CSV file", path);
    }
    CsvReader reader(input);
    CsvTable table;
    const auto header = reader.readRecord();
    if (!header) {
        throw Poco::DataFormatException("CSV file has no header row", path);
    }
    for (std::size_t i = 0; i < header->size(); ++i) {
        std::string name = (*header)[i];
        if (i == 0 && name.rfind("\xEF\xBB\xBF", 0) == 0) {
            name.erase(0, 3); // a UTF-8 byte order mark
        }
        table.m_columns[name] = i;
    }
    while (auto record = reader.readRecord()) {
        if (!reader.error().empty()) {
            throw Poco::DataFormatException(
                path + " line " + std::to_string(reader.recordLine()), reader.error());
        }
        if (record->size() == 1 && record->front().empty()) {
            continue; // a blank line
        }
        table.m_rows.push_back({ reader.recordLine(), std::move(*record) });
    }
    return table;
}

std::string CsvTable::field(const Row &row, const std::string &column) const
{
    const auto found = m_columns.find(column);
    if (found == m_columns.end() || found->second >= row.fields.size()) {
        return {};
    }
    return row.fields[found->second];
}

bool CsvTable::hasColumn(const std::string &column) const
{
    return m_columns.count(column) != 0;
}

} // namespace civicdesk::server
