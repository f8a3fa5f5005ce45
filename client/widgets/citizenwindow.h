#pragma once

#include <QWidget>

class QLabel;
class QTableWidget;

namespace CivicDesk {

class PartyDetailsWidget;
class Repository;
class TimelineView;

/**
 * The citizen's 360° view in its own window: details, all their cases and their timeline
 * across cases and channels. Opening it records an audit entry for the party.
 */
class CitizenWindow : public QWidget
{
    Q_OBJECT

public:
    /** Shows partyId; the window is a top-level window even with a parent. */
    CitizenWindow(Repository *repository, const QString &partyId,
        QWidget *parent = nullptr); // repository not owned

    QString partyId() const { return m_partyId; }
    /** Reads the party, its cases and its timeline again from the cache. */
    void reload();

Q_SIGNALS:
    /** The user double-clicked one of the party's cases. */
    void caseRequested(const QString &caseId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void setupUi();
    void retranslateUi();
    void fillCases();

    Repository *m_repository;
    QString m_partyId;
    QString m_partyName;
    PartyDetailsWidget *m_details = nullptr;
    QLabel *m_casesTitle = nullptr;
    QTableWidget *m_casesTable = nullptr;
    QLabel *m_timelineTitle = nullptr;
    TimelineView *m_timeline = nullptr;
};

} // namespace CivicDesk
