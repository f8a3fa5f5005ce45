// Implemented by the priority work of issue 3; see priority.h.
#include "priority/priority.h"
