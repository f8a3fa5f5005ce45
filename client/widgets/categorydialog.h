#pragma once

#include "data/clientrecords.h"

#include <QDialog>

class QComboBox;
class QDialogButtonBox;

namespace CivicDesk {

class Repository;

/**
 * Asks for a case's corrected category and, optionally, one of its subcategories, with
 * names in the display language. Accepting it leaves the choice in selectedCategoryId and
 * selectedSubcategoryId (empty for no subcategory).
 */
class CategoryDialog : public QDialog
{
    Q_OBJECT

public:
    CategoryDialog(const Repository *repository, const QString &categoryId,
        const QString &subcategoryId, QWidget *parent = nullptr); // repository not owned

    QString selectedCategoryId() const;
    QString selectedSubcategoryId() const;

private:
    void fillSubcategories();
    void updateOkButton();

    QList<CategoryInfo> m_categories;
    QString m_initialCategoryId;
    QString m_initialSubcategoryId;
    QComboBox *m_categoryCombo = nullptr;
    QComboBox *m_subcategoryCombo = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace CivicDesk
