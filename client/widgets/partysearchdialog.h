#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;

namespace CivicDesk {

class PartySearchModel;
class PartySearchHeaderModel;
class Repository;

/** Finds a citizen or organisation by name, AFM or AMKA and opens their 360° view. */
class PartySearchDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PartySearchDialog(Repository *repository, QWidget *parent = nullptr); // not owned

    void setSearchText(const QString &text);

Q_SIGNALS:
    void partyRequested(const QString &partyId);

protected:
    void changeEvent(QEvent *event) override;

private:
    void setupUi();
    void setupConnections();
    void retranslateUi();
    void runSearch();
    void openSelected();

    PartySearchModel *m_model;
    PartySearchHeaderModel *m_headerModel;
    QLabel *m_searchLabel = nullptr;
    QLineEdit *m_searchEdit = nullptr;
    QLabel *m_resultLabel = nullptr;
    QTableView *m_resultView = nullptr;
    QPushButton *m_openButton = nullptr;
    QPushButton *m_closeButton = nullptr;
    QTimer *m_searchTimer = nullptr;
};

} // namespace CivicDesk
