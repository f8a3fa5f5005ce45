#pragma once

#include "data/repository.h"
#include "protocolprobe.h"

#include <QString>
#include <QStringList>

/** Returns the first difference between the client's cache and the server's view of the
 *  same user (cases with their version, status, assignee and category, timeline sizes), or
 *  an empty string. */
QString differenceFromServer(CivicDesk::Repository &repository, const ProtocolProbe &probe);

/** Returns how many timeline entries on the server have exactly this body. */
int copiesOfNote(const ProtocolProbe &probe, const QString &text);

/** Returns the ids of the open cases in every queue of the cache. */
QStringList openCaseIds(CivicDesk::Repository &repository);
