#include "priorityweightseditor.h"

#include "data/repository.h"
#include "displaytexts.h"
#include "priority/priority.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace CivicDesk {

namespace {

constexpr int KeyRole = Qt::UserRole;
constexpr int MaximumWeight = 100;

QString factorExplanation(const std::string &factor)
{
    if (factor == "category") {
        return PriorityWeightsEditor::tr("How urgent the case's category is (values below).");
    }
    if (factor == "region") {
        return PriorityWeightsEditor::tr("The value of the case's region (values below).");
    }
    if (factor == "subRegion") {
        return PriorityWeightsEditor::tr("The value of the case's regional unit or municipality.");
    }
    if (factor == "timeOpen") {
        return PriorityWeightsEditor::tr("How long the case has been open, on the ageing curve.");
    }
    if (factor == "slaTimeLeft") {
        return PriorityWeightsEditor::tr(
            "How close the resolution deadline is; an overdue case counts in full.");
    }
    if (factor == "vulnerability") {
        return PriorityWeightsEditor::tr("The highest value among the citizen's flags (below).");
    }
    if (factor == "duplicates") {
        return PriorityWeightsEditor::tr("Duplicate reports linked to the case, counted up to 10.");
    }
    return PriorityWeightsEditor::tr("The value of the channel the case came through (below).");
}

QString vulnerabilityName(const QString &flag)
{
    if (flag == QLatin1String("elderly")) {
        //: Vulnerability flag of a citizen.
        return PriorityWeightsEditor::tr("Elderly");
    }
    if (flag == QLatin1String("disability")) {
        //: Vulnerability flag of a citizen.
        return PriorityWeightsEditor::tr("Disability");
    }
    if (flag == QLatin1String("low_income")) {
        //: Vulnerability flag of a citizen.
        return PriorityWeightsEditor::tr("Low income");
    }
    if (flag == QLatin1String("single_parent")) {
        //: Vulnerability flag of a citizen.
        return PriorityWeightsEditor::tr("Single parent");
    }
    return flag;
}

} // namespace

PriorityWeightsEditor::PriorityWeightsEditor(Repository *repository, QWidget *parent)
    : QWidget(parent)
    , m_repository(repository)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(setupFactors());
    layout->addWidget(setupAgeing());
    QWidget *valueTabs = setupValueTabs();
    // Room for about five rows, so the tables stay usable beside the factors at 1366×768.
    valueTabs->setMinimumHeight(fontMetrics().lineSpacing() * 12);
    layout->addWidget(valueTabs, 1);
}

QWidget *PriorityWeightsEditor::setupFactors()
{
    //: Group of the eight spin boxes that weigh each priority factor.
    auto *group = new QGroupBox(tr("Factor weights (0 to 100)"), this);
    auto *grid = new QGridLayout(group);
    int row = 0;
    for (const std::string &factor : civicdesk::priority::factorNames()) {
        const QString name = QString::fromStdString(factor);
        auto *spin = new QSpinBox(group);
        spin->setRange(0, MaximumWeight);
        spin->setObjectName(name + QLatin1String("Weight"));
        connect(spin, &QSpinBox::valueChanged, this, &PriorityWeightsEditor::edited);
        auto *explanation = new QLabel(factorExplanation(factor), group);
        explanation->setWordWrap(true);
        grid->addWidget(new QLabel(DisplayTexts::priorityFactor(name), group), row, 0);
        grid->addWidget(spin, row, 1);
        grid->addWidget(explanation, row, 2);
        m_factorSpins.insert(name, spin);
        ++row;
    }
    grid->setColumnStretch(2, 1);
    return group;
}

QWidget *PriorityWeightsEditor::setupAgeing()
{
    //: Group of the settings of the time-open factor.
    auto *group = new QGroupBox(tr("Ageing curve"), this);
    auto *form = new QFormLayout(group);
    m_ageingKind = new QComboBox(group);
    m_ageingKind->setObjectName(QStringLiteral("ageingKindCombo"));
    //: Ageing curve: the value grows evenly until the cap.
    m_ageingKind->addItem(tr("Linear"), QStringLiteral("linear"));
    //: Ageing curve: the value grows fast at first, then slower.
    m_ageingKind->addItem(tr("Logarithmic"), QStringLiteral("logarithmic"));
    //: Ageing curve: the value rises in four steps up to the cap.
    m_ageingKind->addItem(tr("Steps"), QStringLiteral("step"));
    m_capDays = new QSpinBox(group);
    m_capDays->setObjectName(QStringLiteral("capDaysSpin"));
    m_capDays->setRange(1, 365);
    //: Suffix of the cap of the ageing curve, such as "30 days".
    m_capDays->setSuffix(tr(" days"));
    connect(m_ageingKind, &QComboBox::currentIndexChanged, this, &PriorityWeightsEditor::edited);
    connect(m_capDays, &QSpinBox::valueChanged, this, &PriorityWeightsEditor::edited);
    form->addRow(tr("Curve:"), m_ageingKind);
    //: The age at which a case's time-open value reaches its maximum.
    form->addRow(tr("Full value after:"), m_capDays);
    return group;
}

QWidget *PriorityWeightsEditor::setupValueTabs()
{
    auto *tabs = new QTabWidget(this);
    m_categoryTable = valueTable("categoryValuesTable");
    m_channelTable = valueTable("channelValuesTable");
    m_vulnerabilityTable = valueTable("vulnerabilityValuesTable");
    m_regionTable = valueTable("regionValuesTable");
    //: Tab of the value per case category.
    tabs->addTab(m_categoryTable, tr("Categories"));
    //: Tab of the value per channel.
    tabs->addTab(m_channelTable, tr("Channels"));
    //: Tab of the value per vulnerability flag of a citizen.
    tabs->addTab(m_vulnerabilityTable, tr("Vulnerabilities"));
    //: Tab of the value per region.
    tabs->addTab(m_regionTable, tr("Regions"));
    return tabs;
}

QTableWidget *PriorityWeightsEditor::valueTable(const char *objectName)
{
    auto *table = new QTableWidget(0, 2, this);
    table->setObjectName(QLatin1String(objectName));
    //: Column headers of a table of priority values: the thing valued, its value.
    table->setHorizontalHeaderLabels({ tr("Name"), tr("Value") });
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->verticalHeader()->hide();
    connect(table, &QTableWidget::itemChanged, this, &PriorityWeightsEditor::edited);
    return table;
}

void PriorityWeightsEditor::fillValues(QTableWidget *table,
    const QList<QPair<QString, QString>> &keysAndNames, const std::map<std::string, double> &values,
    double missing)
{
    // Keys the weights hold but the cache does not name stay, so saving never drops them.
    QList<QPair<QString, QString>> rows = keysAndNames;
    for (const auto &[valueKey, value] : values) {
        const QString key = QString::fromStdString(valueKey);
        if (std::none_of(
                rows.cbegin(), rows.cend(), [&](const auto &row) { return row.first == key; })) {
            rows.append({ key, key });
        }
    }

    const QSignalBlocker blocker(table);
    table->setSortingEnabled(false);
    table->setRowCount(int(rows.size()));
    for (int row = 0; row < rows.size(); ++row) {
        const auto &[key, name] = rows.at(row);
        auto *nameItem = new QTableWidgetItem(name);
        nameItem->setFlags(nameItem->flags() & ~Qt::ItemIsEditable);
        nameItem->setData(KeyRole, key);
        const auto found = values.find(key.toStdString());
        auto *valueItem = new QTableWidgetItem;
        valueItem->setData(Qt::EditRole, found != values.end() ? found->second : missing);
        table->setItem(row, 0, nameItem);
        table->setItem(row, 1, valueItem);
    }
    table->setSortingEnabled(true);
    table->sortByColumn(0, Qt::AscendingOrder);
}

std::map<std::string, double> PriorityWeightsEditor::valuesOf(const QTableWidget *table)
{
    std::map<std::string, double> values;
    for (int row = 0; row < table->rowCount(); ++row) {
        const QString key = table->item(row, 0)->data(KeyRole).toString();
        bool number = false;
        const double value = table->item(row, 1)->data(Qt::EditRole).toDouble(&number);
        // Text that is no number becomes NaN, so validate names the field.
        values[key.toStdString()] = number ? value : std::nan("");
    }
    return values;
}

void PriorityWeightsEditor::setWeights(const civicdesk::PriorityWeights &weights)
{
    m_base = weights;
    for (auto spin = m_factorSpins.cbegin(); spin != m_factorSpins.cend(); ++spin) {
        const QSignalBlocker blocker(spin.value());
        const auto found = weights.factorWeights.find(spin.key().toStdString());
        spin.value()->setValue(found != weights.factorWeights.end() ? qRound(found->second) : 0);
    }
    {
        const QSignalBlocker kindBlocker(m_ageingKind);
        const QSignalBlocker capBlocker(m_capDays);
        m_ageingKind->setCurrentIndex(
            std::max(0, m_ageingKind->findData(QString::fromStdString(weights.ageing.kind))));
        m_capDays->setValue(qRound(weights.ageing.capDays));
    }
    fillValues(m_categoryTable, categoryKeys(), weights.categoryValues, 1.0);
    fillValues(m_channelTable, channelKeys(), weights.channelValues, 0.0);
    fillValues(m_vulnerabilityTable, vulnerabilityKeys(weights.vulnerabilityValues),
        weights.vulnerabilityValues, 0.0);
    fillValues(m_regionTable, regionKeys(), weights.regionValues, 1.0);
}

civicdesk::PriorityWeights PriorityWeightsEditor::weights() const
{
    civicdesk::PriorityWeights weights = m_base;
    for (auto spin = m_factorSpins.cbegin(); spin != m_factorSpins.cend(); ++spin) {
        weights.factorWeights[spin.key().toStdString()] = spin.value()->value();
    }
    weights.ageing.kind = m_ageingKind->currentData().toString().toStdString();
    weights.ageing.capDays = m_capDays->value();
    weights.categoryValues = valuesOf(m_categoryTable);
    weights.channelValues = valuesOf(m_channelTable);
    weights.vulnerabilityValues = valuesOf(m_vulnerabilityTable);
    weights.regionValues = valuesOf(m_regionTable);
    return weights;
}

QList<QPair<QString, QString>> PriorityWeightsEditor::categoryKeys() const
{
    QList<QPair<QString, QString>> keys;
    for (const CategoryInfo &category : m_repository->categories()) {
        if (category.parentId.isEmpty()) {
            keys.append({ category.id, category.name });
        }
    }
    return keys;
}

QList<QPair<QString, QString>> PriorityWeightsEditor::regionKeys() const
{
    QList<QPair<QString, QString>> keys;
    for (const AreaInfo &region : m_repository->regions()) {
        keys.append({ region.id, region.name });
    }
    return keys;
}

QList<QPair<QString, QString>> PriorityWeightsEditor::channelKeys()
{
    QList<QPair<QString, QString>> keys;
    for (const char *channel : { "portal", "email", "phone", "counter", "visit", "import" }) {
        const QString key = QLatin1String(channel);
        keys.append({ key, DisplayTexts::channel(key) });
    }
    return keys;
}

QList<QPair<QString, QString>> PriorityWeightsEditor::vulnerabilityKeys(
    const std::map<std::string, double> &values)
{
    QStringList flags { QStringLiteral("elderly"), QStringLiteral("disability"),
        QStringLiteral("low_income"), QStringLiteral("single_parent") };
    for (const auto &[flag, value] : values) {
        const QString key = QString::fromStdString(flag);
        if (!flags.contains(key)) {
            flags.append(key);
        }
    }
    QList<QPair<QString, QString>> keys;
    for (const QString &flag : flags) {
        keys.append({ flag, vulnerabilityName(flag) });
    }
    return keys;
}

} // namespace CivicDesk
