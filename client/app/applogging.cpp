#include "applogging.h"

Q_LOGGING_CATEGORY(lcApp, "civicdesk.client.app", QtInfoMsg)
