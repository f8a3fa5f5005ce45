#pragma once

#include <QLoggingCategory>

/** Logging categories of the client core; debug output is off unless QT_LOGGING_RULES enables it.
 */
Q_DECLARE_LOGGING_CATEGORY(lcCache)
Q_DECLARE_LOGGING_CATEGORY(lcSync)
Q_DECLARE_LOGGING_CATEGORY(lcSession)
