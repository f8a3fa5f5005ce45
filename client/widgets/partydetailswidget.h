#pragma once

#include "data/clientrecords.h"

#include <QWidget>

class QGridLayout;
class QLabel;

namespace CivicDesk {

/** A party's name, identifiers and contact details, with a badge on fictitious demo people. */
class PartyDetailsWidget : public QWidget
{
    Q_OBJECT

public:
    explicit PartyDetailsWidget(QWidget *parent = nullptr);

    void setParty(const PartyInfo &party);

protected:
    void changeEvent(QEvent *event) override;

private:
    void setupUi();
    void retranslateUi();
    void fillValues();
    QLabel *addField(QGridLayout *grid, int row, int column, QLabel **title);

    PartyInfo m_party;
    QLabel *m_nameLabel = nullptr;
    QLabel *m_fictitiousBadge = nullptr;
    QLabel *m_afmTitle = nullptr;
    QLabel *m_afmValue = nullptr;
    QLabel *m_amkaTitle = nullptr;
    QLabel *m_amkaValue = nullptr;
    QLabel *m_phoneTitle = nullptr;
    QLabel *m_phoneValue = nullptr;
    QLabel *m_emailTitle = nullptr;
    QLabel *m_emailValue = nullptr;
    QLabel *m_municipalityTitle = nullptr;
    QLabel *m_municipalityValue = nullptr;
    QLabel *m_languageTitle = nullptr;
    QLabel *m_languageValue = nullptr;
};

} // namespace CivicDesk
