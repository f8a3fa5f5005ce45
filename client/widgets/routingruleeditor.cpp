// RoutingRuleEditor: the form's widgets, their texts and the lists they offer.
#include "routingruleeditor.h"

#include "areacompleter.h"
#include "data/repository.h"
#include "routingruletexts.h"
#include "session/clientsession.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace CivicDesk {

namespace {

const QStringList AreaLevels { QStringLiteral("region"), QStringLiteral("unit"),
    QStringLiteral("municipality"), QStringLiteral("any") };

QDateTimeEdit *utcEdit(QWidget *parent)
{
    auto *edit = new QDateTimeEdit(parent);
    edit->setTimeSpec(Qt::UTC);
    edit->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"));
    edit->setCalendarPopup(true);
    return edit;
}

} // namespace

RoutingRuleEditor::RoutingRuleEditor(ClientSession *session, QWidget *parent)
    : QDialog(parent)
    , m_session(session)
{
    setupUi();
    setupConnections();
    retranslateUi();
    loadLists();
    startNew();
}

void RoutingRuleEditor::nameFields()
{
    // Names for tests and accessibility tools.
    m_categoryCombo->setObjectName(QStringLiteral("category"));
    m_subcategoryCombo->setObjectName(QStringLiteral("subcategory"));
    m_areaLevelCombo->setObjectName(QStringLiteral("areaLevel"));
    m_areaEdit->setObjectName(QStringLiteral("area"));
    m_byTeamButton->setObjectName(QStringLiteral("byTeam"));
    m_byCodeButton->setObjectName(QStringLiteral("byCode"));
    m_teamCombo->setObjectName(QStringLiteral("team"));
    m_teamCodeEdit->setObjectName(QStringLiteral("teamCode"));
    m_precedenceSpin->setObjectName(QStringLiteral("precedence"));
    m_fromEdit->setObjectName(QStringLiteral("effectiveFrom"));
    m_endsBox->setObjectName(QStringLiteral("ends"));
    m_toEdit->setObjectName(QStringLiteral("effectiveTo"));
    m_noteEdit->setObjectName(QStringLiteral("note"));
}

void RoutingRuleEditor::setupUi()
{
    m_categoryCombo = new QComboBox(this);
    m_subcategoryCombo = new QComboBox(this);
    m_areaLevelCombo = new QComboBox(this);
    for (const QString &level : AreaLevels) {
        m_areaLevelCombo->addItem(QString(), level);
    }
    m_areaEdit = new QLineEdit(this);
    m_areaCompleter = new AreaCompleter(this);
    m_areaEdit->setCompleter(m_areaCompleter);
    m_precedenceSpin = new QSpinBox(this);
    m_precedenceSpin->setRange(RoutingRuleCheck::MinPrecedence, RoutingRuleCheck::MaxPrecedence);
    m_fromEdit = utcEdit(this);
    m_endsBox = new QCheckBox(this);
    m_toEdit = utcEdit(this);
    auto *toRow = new QHBoxLayout;
    toRow->addWidget(m_endsBox);
    toRow->addWidget(m_toEdit, 1);
    m_noteEdit = new QPlainTextEdit(this);
    m_noteEdit->setMaximumHeight(70);
    m_noteEdit->setTabChangesFocus(true);

    auto *form = new QFormLayout;
    const auto addRow = [this, form](const QString &key, QWidget *field, QLayout *layout) {
        auto *label = new QLabel(this);
        m_rowLabels.insert(key, label);
        if (field) {
            label->setBuddy(field);
            form->addRow(label, field);
        } else {
            form->addRow(label, layout);
        }
    };
    const auto addProblem = [this, form](RoutingRuleCheck::Field field) {
        auto *problem = new QLabel(this);
        problem->setWordWrap(true);
        problem->setStyleSheet(QStringLiteral("color: #b00020;"));
        problem->hide();
        m_problemLabels.insert(field, problem);
        form->addRow(QString(), problem);
    };
    using Field = RoutingRuleCheck::Field;
    addRow(QStringLiteral("category"), m_categoryCombo, nullptr);
    addProblem(Field::Category);
    addRow(QStringLiteral("subcategory"), m_subcategoryCombo, nullptr);
    addProblem(Field::Subcategory);
    addRow(QStringLiteral("level"), m_areaLevelCombo, nullptr);
    addRow(QStringLiteral("area"), m_areaEdit, nullptr);
    addProblem(Field::Area);
    addRow(QStringLiteral("team"), setupTeamRow(), nullptr);
    addProblem(Field::Team);
    addRow(QStringLiteral("precedence"), m_precedenceSpin, nullptr);
    addProblem(Field::Precedence);
    addRow(QStringLiteral("from"), m_fromEdit, nullptr);
    addRow(QStringLiteral("to"), nullptr, toRow);
    m_rowLabels.value(QStringLiteral("to"))->setBuddy(m_endsBox);
    addProblem(Field::Period);
    addRow(QStringLiteral("note"), m_noteEdit, nullptr);
    addProblem(Field::Note);

    m_statusLabel = new QLabel(this);
    m_statusLabel->setWordWrap(true);
    m_statusLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *buttons = new QDialogButtonBox(this);
    m_saveButton = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_saveButton->setDefault(true);
    m_closeButton = buttons->addButton(QString(), QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_statusLabel);
    layout->addWidget(buttons);
    setMinimumWidth(560);
    nameFields();
}

QWidget *RoutingRuleEditor::setupTeamRow()
{
    auto *row = new QWidget(this);
    m_byTeamButton = new QRadioButton(row);
    m_byCodeButton = new QRadioButton(row);
    auto *group = new QButtonGroup(row);
    group->addButton(m_byTeamButton);
    group->addButton(m_byCodeButton);
    m_byTeamButton->setChecked(true);
    m_teamCombo = new QComboBox(row);
    m_teamCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_teamCombo->setMinimumContentsLength(24);
    m_teamCodeEdit = new QLineEdit(row);
    m_teamCodeEdit->setEnabled(false);

    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_byTeamButton);
    layout->addWidget(m_teamCombo, 2);
    layout->addWidget(m_byCodeButton);
    layout->addWidget(m_teamCodeEdit, 1);
    return row;
}

void RoutingRuleEditor::setupConnections()
{
    connect(m_categoryCombo, &QComboBox::currentIndexChanged, this,
        &RoutingRuleEditor::fillSubcategories);
    connect(m_areaLevelCombo, &QComboBox::currentIndexChanged, this, [this] {
        // An id of the previous level may name another area at this one.
        m_areaId.clear();
        onAreaLevelChanged();
    });
    connect(m_areaEdit, &QLineEdit::textChanged, this, &RoutingRuleEditor::onAreaTextChanged);
    connect(m_byCodeButton, &QRadioButton::toggled, this, [this](bool byCode) {
        m_teamCodeEdit->setEnabled(byCode);
        m_teamCombo->setEnabled(!byCode);
    });
    connect(m_endsBox, &QCheckBox::toggled, m_toEdit, &QWidget::setEnabled);
    connect(m_saveButton, &QPushButton::clicked, this, [this] { save(); });
    connect(m_session, &ClientSession::editAcknowledged, this,
        &RoutingRuleEditor::onEditAcknowledged);
    connect(m_session, &ClientSession::editRejected, this, &RoutingRuleEditor::onEditRejected);
    connect(m_session, &ClientSession::stateChanged, this, [this] {
        if (isWaiting()) {
            showWaitingText();
        }
    });
}

void RoutingRuleEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QDialog::changeEvent(event);
}

void RoutingRuleEditor::retranslateUi()
{
    setWindowTitle(m_ruleId.isEmpty() ? tr("New Routing Rule") : tr("Edit Routing Rule"));
    m_rowLabels.value(QStringLiteral("category"))->setText(tr("&Category:"));
    m_rowLabels.value(QStringLiteral("subcategory"))->setText(tr("&Subcategory:"));
    m_rowLabels.value(QStringLiteral("level"))->setText(tr("Area &level:"));
    m_rowLabels.value(QStringLiteral("area"))->setText(tr("&Area:"));
    m_rowLabels.value(QStringLiteral("team"))->setText(tr("Te&am:"));
    m_rowLabels.value(QStringLiteral("precedence"))->setText(tr("&Precedence:"));
    m_rowLabels.value(QStringLiteral("from"))->setText(tr("Effective &from:"));
    m_rowLabels.value(QStringLiteral("to"))->setText(tr("Effective &to:"));
    m_rowLabels.value(QStringLiteral("note"))->setText(tr("&Note:"));
    for (int index = 0; index < AreaLevels.size(); ++index) {
        m_areaLevelCombo->setItemText(index, RoutingRuleTexts::areaLevel(AreaLevels.at(index)));
    }
    //: Placeholder of the area field of a routing rule.
    m_areaEdit->setPlaceholderText(tr("Type a name in Greek or English"));
    //: Radio button: route to a chosen team.
    m_byTeamButton->setText(tr("Team"));
    //: Radio button: route to the team with this code in the case's region.
    m_byCodeButton->setText(tr("By code"));
    m_teamCodeEdit->setPlaceholderText(tr("Team code"));
    m_precedenceSpin->setToolTip(tr("When two rules match equally well, the higher precedence "
                                    "wins. From -1000 to 1000."));
    //: Check box: the routing rule has an end date.
    m_endsBox->setText(tr("Ends"));
    m_noteEdit->setPlaceholderText(tr("Why the rule exists or changed (up to 500 characters)"));
    m_saveButton->setText(tr("&Save"));
    m_closeButton->setText(tr("Close"));
    if (m_subcategoryCombo->count() > 0) {
        //: No subcategory: the rule applies to the whole category.
        m_subcategoryCombo->setItemText(0, tr("(whole category)"));
    }
}

void RoutingRuleEditor::loadLists()
{
    const Repository *repository = m_session->repository();
    m_categoryCombo->clear();
    m_categoryCombo->addItem(QString(), QString());
    for (const CategoryInfo &category : repository->categories()) {
        if (category.parentId.isEmpty()) {
            m_categoryCombo->addItem(category.name, category.id);
        }
    }
    fillSubcategories();
    onAreaLevelChanged();
}

void RoutingRuleEditor::fillSubcategories()
{
    const QString categoryId = m_categoryCombo->currentData().toString();
    const QString chosen = m_subcategoryCombo->currentData().toString();
    m_subcategoryCombo->clear();
    m_subcategoryCombo->addItem(tr("(whole category)"), QString());
    for (const CategoryInfo &category : m_session->repository()->categories()) {
        if (!categoryId.isEmpty() && category.parentId == categoryId) {
            m_subcategoryCombo->addItem(category.name, category.id);
        }
    }
    m_subcategoryCombo->setCurrentIndex(qMax(0, m_subcategoryCombo->findData(chosen)));
}

void RoutingRuleEditor::onAreaLevelChanged()
{
    const QString level = m_areaLevelCombo->currentData().toString();
    const Repository *repository = m_session->repository();
    QList<AreaInfo> areas;
    if (level == QLatin1String("region")) {
        areas = repository->regions();
    } else if (level == QLatin1String("unit")) {
        areas = repository->regionalUnits();
    } else if (level == QLatin1String("municipality")) {
        areas = repository->municipalities();
    }
    m_areaCompleter->setAreas(areas, repository->language());
    m_areaEdit->setEnabled(level != QLatin1String("any"));
    m_areaEdit->setText(m_areaCompleter->textForAreaId(m_areaId));
    onAreaTextChanged();
}

void RoutingRuleEditor::onAreaTextChanged()
{
    m_areaId = m_areaCompleter->areaIdForText(m_areaEdit->text());
    fillTeams();
}

void RoutingRuleEditor::fillTeams()
{
    const QString chosen = m_teamCombo->currentData().toString();
    civicdesk::RoutingRuleRecord area;
    area.areaLevel = m_areaLevelCombo->currentData().toString().toStdString();
    area.areaId = m_areaId.toStdString();
    const QString regionId = RoutingRuleCheck(checkContext()).areaRegion(area);
    const bool any = area.areaLevel == "any";

    m_teamCombo->clear();
    m_teamCombo->addItem(QString(), QString());
    for (const TeamInfo &team : m_session->repository()->teams()) {
        if (any || team.regionId == regionId || team.regionId.isEmpty()) {
            m_teamCombo->addItem(QStringLiteral("%1 (%2)").arg(team.name, team.code), team.id);
        }
    }
    m_teamCombo->setCurrentIndex(qMax(0, m_teamCombo->findData(chosen)));
}

} // namespace CivicDesk
