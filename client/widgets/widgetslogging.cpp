#include "widgetslogging.h"

Q_LOGGING_CATEGORY(lcWidgets, "civicdesk.client.widgets", QtInfoMsg)
