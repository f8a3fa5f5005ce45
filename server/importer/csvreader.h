#pragma once

#include <istream>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace civicdesk::server {

/**
 * Reads RFC 4180 CSV: fields separated by commas, optionally quoted with '"', a doubled quote
 * inside a quoted field, and line breaks (LF or CRLF) inside quoted fields. Written here
 * because neither Poco nor nlohmann-json has a CSV reader. Reads UTF-8 bytes unchanged.
 */
class CsvReader
{
public:
    explicit CsvReader(std::istream &input);

    /** Reads the next record; returns nothing at the end of input. */
    std::optional<std::vector<std::string>> readRecord();

    /** Returns the line number (1-based) where the last record read started. */
    int recordLine() const { return m_recordLine; }

    /** Returns the error of the last readRecord, such as an unterminated quote, or empty. */
    const std::string &error() const { return m_error; }

private:
    std::istream &m_input;
    int m_line = 1;
    int m_recordLine = 0;
    std::string m_error;
};

/** A CSV file read whole with a header row; fields are looked up by column name. */
class CsvTable
{
public:
    /** Reads path; throws Poco::FileException or Poco::DataFormatException. */
    static CsvTable load(const std::string &path);

    struct Row
    {
        int line = 0;
        std::vector<std::string> fields;
    };

    const std::vector<Row> &rows() const { return m_rows; }

    /** Returns the named field of row, or empty when the column or field is missing. */
    std::string field(const Row &row, const std::string &column) const;
    bool hasColumn(const std::string &column) const;

private:
    std::map<std::string, std::size_t> m_columns;
    std::vector<Row> m_rows;
};

} // namespace civicdesk::server
