#include "categorydialog.h"

#include "data/repository.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace CivicDesk {

CategoryDialog::CategoryDialog(const Repository *repository, const QString &categoryId,
    const QString &subcategoryId, QWidget *parent)
    : QDialog(parent)
    , m_categories(repository->categories())
    , m_initialCategoryId(categoryId)
    , m_initialSubcategoryId(subcategoryId)
{
    //: Window title of the dialog that corrects a case's category.
    setWindowTitle(tr("Change Category"));
    m_categoryCombo = new QComboBox(this);
    m_categoryCombo->setObjectName(QStringLiteral("categoryCombo"));
    m_subcategoryCombo = new QComboBox(this);
    m_subcategoryCombo->setObjectName(QStringLiteral("subcategoryCombo"));
    for (const CategoryInfo &category : std::as_const(m_categories)) {
        if (category.parentId.isEmpty()) {
            m_categoryCombo->addItem(category.name, category.id);
        }
    }
    m_categoryCombo->setCurrentIndex(m_categoryCombo->findData(categoryId));

    auto *explanation = new QLabel(
        tr("Your choice is recorded as an agent's and serves as an example the next time "
           "the classifier is trained."),
        this);
    explanation->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Category:"), m_categoryCombo);
    form->addRow(tr("S&ubcategory:"), m_subcategoryCombo);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explanation);
    layout->addLayout(form);
    layout->addWidget(m_buttons);

    connect(m_categoryCombo, &QComboBox::currentIndexChanged, this, [this] {
        fillSubcategories();
        updateOkButton();
    });
    connect(
        m_subcategoryCombo, &QComboBox::currentIndexChanged, this, &CategoryDialog::updateOkButton);
    fillSubcategories();
    m_subcategoryCombo->setCurrentIndex(std::max(0, m_subcategoryCombo->findData(subcategoryId)));
    updateOkButton();
}

QString CategoryDialog::selectedCategoryId() const
{
    return m_categoryCombo->currentData().toString();
}

QString CategoryDialog::selectedSubcategoryId() const
{
    return m_subcategoryCombo->currentData().toString();
}

void CategoryDialog::fillSubcategories()
{
    const QString parentId = selectedCategoryId();
    m_subcategoryCombo->clear();
    //: Subcategory choice meaning the case has no subcategory.
    m_subcategoryCombo->addItem(tr("None"), QString());
    for (const CategoryInfo &category : std::as_const(m_categories)) {
        if (!parentId.isEmpty() && category.parentId == parentId) {
            m_subcategoryCombo->addItem(category.name, category.id);
        }
    }
    m_subcategoryCombo->setEnabled(m_subcategoryCombo->count() > 1);
}

// OK only for a category chosen and different from what the case has.
void CategoryDialog::updateOkButton()
{
    const bool changed = selectedCategoryId() != m_initialCategoryId
        || selectedSubcategoryId() != m_initialSubcategoryId;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!selectedCategoryId().isEmpty() && changed);
}

} // namespace CivicDesk
