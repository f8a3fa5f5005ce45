#include "plainlabel.h"
#include "partydetailswidget.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace CivicDesk {

PartyDetailsWidget::PartyDetailsWidget(QWidget *parent)
    : QWidget(parent)
{
    setupUi();
    retranslateUi();
}

void PartyDetailsWidget::setParty(const PartyInfo &party)
{
    m_party = party;
    fillValues();
}

void PartyDetailsWidget::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        fillValues();
    }
    QWidget::changeEvent(event);
}

QLabel *PartyDetailsWidget::addField(QGridLayout *grid, int row, int column, QLabel **title)
{
    *title = plainLabel(this);
    (*title)->setStyleSheet(QStringLiteral("color: #555555;"));
    auto *value = plainLabel(this);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addWidget(*title, row, column);
    grid->addWidget(value, row, column + 1);
    return value;
}

void PartyDetailsWidget::setupUi()
{
    m_nameLabel = plainLabel(this);
    m_nameLabel->setObjectName(QStringLiteral("partyNameLabel"));
    m_nameLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont nameFont = m_nameLabel->font();
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.5);
    nameFont.setBold(true);
    m_nameLabel->setFont(nameFont);
    m_fictitiousBadge = plainLabel(this);
    m_fictitiousBadge->setObjectName(QStringLiteral("fictitiousBadge"));
    m_fictitiousBadge->setStyleSheet(
        QStringLiteral("QLabel { background: #fff0c2; color: #6b4e00; border: 1px solid #e0b94a;"
                       " border-radius: 9px; padding: 2px 10px; font-weight: bold; }"));

    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(m_nameLabel);
    nameRow->addSpacing(10);
    nameRow->addWidget(m_fictitiousBadge);
    nameRow->addStretch();

    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(10);
    grid->setVerticalSpacing(4);
    m_afmValue = addField(grid, 0, 0, &m_afmTitle);
    m_amkaValue = addField(grid, 1, 0, &m_amkaTitle);
    m_phoneValue = addField(grid, 0, 2, &m_phoneTitle);
    m_emailValue = addField(grid, 1, 2, &m_emailTitle);
    m_municipalityValue = addField(grid, 0, 4, &m_municipalityTitle);
    m_languageValue = addField(grid, 1, 4, &m_languageTitle);
    grid->setColumnMinimumWidth(2, 24);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    grid->setColumnStretch(5, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(nameRow);
    layout->addLayout(grid);
}

void PartyDetailsWidget::retranslateUi()
{
    //: Greek tax registration number.
    m_afmTitle->setText(tr("AFM:"));
    //: Greek social security number.
    m_amkaTitle->setText(tr("AMKA:"));
    m_phoneTitle->setText(tr("Phone:"));
    m_emailTitle->setText(tr("E-mail:"));
    m_municipalityTitle->setText(tr("Municipality:"));
    m_languageTitle->setText(tr("Language:"));
    m_fictitiousBadge->setText(tr("Fictitious demo person"));
    m_fictitiousBadge->setToolTip(tr("This person was made up for demonstrations and tests. "
                                     "The record belongs to no real citizen."));
}

void PartyDetailsWidget::fillValues()
{
    //: Shown in place of a detail the citizen has not given.
    const QString missing = tr("not given");
    const auto orMissing = [&missing](
                               const QString &value) { return value.isEmpty() ? missing : value; };

    m_nameLabel->setText(m_party.displayName);
    m_fictitiousBadge->setVisible(m_party.fictitious);
    m_afmValue->setText(orMissing(m_party.afm));
    m_amkaValue->setText(orMissing(m_party.amka));
    m_phoneValue->setText(orMissing(m_party.phone));
    m_emailValue->setText(orMissing(m_party.email));
    m_municipalityValue->setText(orMissing(m_party.municipalityName));
    if (m_party.language == QLatin1String("el")) {
        m_languageValue->setText(tr("Greek"));
    } else if (m_party.language == QLatin1String("en")) {
        m_languageValue->setText(tr("English"));
    } else {
        m_languageValue->setText(orMissing(m_party.language));
    }
}

} // namespace CivicDesk
