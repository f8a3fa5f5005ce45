#include "corelogging.h"

Q_LOGGING_CATEGORY(lcCache, "civicdesk.client.cache", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSync, "civicdesk.client.sync", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSession, "civicdesk.client.session", QtInfoMsg)
