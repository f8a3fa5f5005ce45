#pragma once

#include "domain/records.h"

#include <QHash>
#include <QWidget>

class QComboBox;
class QSpinBox;
class QTableWidget;

namespace CivicDesk {

class Repository;

/**
 * Edits a set of priority weights: the eight factor weights (0..100), the ageing curve of
 * the time-open factor, and the values per category, channel, vulnerability flag and
 * region. Values are typed freely, so civicdesk::priority::validate has the last word.
 * Fields it does not show (sub-region values) pass through from setWeights unchanged.
 */
class PriorityWeightsEditor : public QWidget
{
    Q_OBJECT

public:
    explicit PriorityWeightsEditor(
        Repository *repository, QWidget *parent = nullptr); // repository not owned

    void setWeights(const civicdesk::PriorityWeights &weights);
    civicdesk::PriorityWeights weights() const;

Q_SIGNALS:
    void edited();

private:
    QWidget *setupFactors();
    QWidget *setupAgeing();
    QWidget *setupValueTabs();
    QTableWidget *valueTable(const char *objectName);
    void fillValues(QTableWidget *table, const QList<QPair<QString, QString>> &keysAndNames,
        const std::map<std::string, double> &values, double missing);
    static std::map<std::string, double> valuesOf(const QTableWidget *table);
    QList<QPair<QString, QString>> categoryKeys() const;
    QList<QPair<QString, QString>> regionKeys() const;
    static QList<QPair<QString, QString>> channelKeys();
    static QList<QPair<QString, QString>> vulnerabilityKeys(
        const std::map<std::string, double> &values);

    Repository *m_repository;
    civicdesk::PriorityWeights m_base;
    QHash<QString, QSpinBox *> m_factorSpins;
    QComboBox *m_ageingKind = nullptr;
    QSpinBox *m_capDays = nullptr;
    QTableWidget *m_categoryTable = nullptr;
    QTableWidget *m_channelTable = nullptr;
    QTableWidget *m_vulnerabilityTable = nullptr;
    QTableWidget *m_regionTable = nullptr;
};

} // namespace CivicDesk
