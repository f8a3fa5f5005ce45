#include "plainlabel.h"
#include "partysearchdialog.h"

#include "models/partysearchmodel.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QIdentityProxyModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace CivicDesk {

namespace {

constexpr int SearchDelayMs = 250; // wait for a pause in typing before querying the cache

} // namespace

/** Gives the search results translated column titles. */
class PartySearchHeaderModel : public QIdentityProxyModel
{
public:
    using QIdentityProxyModel::QIdentityProxyModel;

    QVariant headerData(int section, Qt::Orientation orientation, int role) const override
    {
        if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
            return QIdentityProxyModel::headerData(section, orientation, role);
        }
        switch (section) {
        case PartySearchModel::NameColumn:
            //: Column title in the citizen search results.
            return PartySearchDialog::tr("Name");
        case PartySearchModel::AfmColumn:
            //: Column title in the citizen search results: Greek tax number.
            return PartySearchDialog::tr("AFM");
        case PartySearchModel::AmkaColumn:
            //: Column title in the citizen search results: Greek social security number.
            return PartySearchDialog::tr("AMKA");
        case PartySearchModel::MunicipalityColumn:
            //: Column title in the citizen search results.
            return PartySearchDialog::tr("Municipality");
        default:
            return {};
        }
    }

    void retranslate() { Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1); }
};

PartySearchDialog::PartySearchDialog(Repository *repository, QWidget *parent)
    : QDialog(parent)
    , m_model(new PartySearchModel(repository, this))
    , m_headerModel(new PartySearchHeaderModel(this))
{
    m_headerModel->setSourceModel(m_model);
    setupUi();
    setupConnections();
    retranslateUi();
}

void PartySearchDialog::setSearchText(const QString &text)
{
    m_searchEdit->setText(text);
    runSearch();
}

void PartySearchDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QDialog::changeEvent(event);
}

void PartySearchDialog::setupUi()
{
    setObjectName(QStringLiteral("partySearchDialog"));
    m_searchLabel = plainLabel(this);
    m_searchEdit = new QLineEdit(this);
    m_searchEdit->setObjectName(QStringLiteral("partySearchEdit"));
    m_searchEdit->setClearButtonEnabled(true);
    m_searchLabel->setBuddy(m_searchEdit);
    m_resultLabel = plainLabel(this);

    m_resultView = new QTableView(this);
    m_resultView->setObjectName(QStringLiteral("partySearchResults"));
    m_resultView->setModel(m_headerModel);
    m_resultView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_resultView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_resultView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_resultView->setAlternatingRowColors(true);
    m_resultView->verticalHeader()->hide();
    m_resultView->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);

    m_openButton = new QPushButton(this);
    m_openButton->setObjectName(QStringLiteral("openPartyButton"));
    m_openButton->setDefault(true);
    m_openButton->setEnabled(false);
    m_closeButton = new QPushButton(this);
    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(SearchDelayMs);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_resultLabel);
    buttons->addStretch();
    buttons->addWidget(m_openButton);
    buttons->addWidget(m_closeButton);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_searchLabel);
    layout->addWidget(m_searchEdit);
    layout->addWidget(m_resultView, 1);
    layout->addLayout(buttons);
    resize(760, 480);
}

void PartySearchDialog::setupConnections()
{
    connect(m_searchEdit, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchEdit, &QLineEdit::returnPressed, this, &PartySearchDialog::runSearch);
    connect(m_searchTimer, &QTimer::timeout, this, &PartySearchDialog::runSearch);
    connect(m_resultView, &QTableView::doubleClicked, this, &PartySearchDialog::openSelected);
    connect(m_openButton, &QPushButton::clicked, this, &PartySearchDialog::openSelected);
    connect(m_closeButton, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_resultView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
        [this](const QModelIndex &current) { m_openButton->setEnabled(current.isValid()); });
}

void PartySearchDialog::retranslateUi()
{
    setWindowTitle(tr("Find Citizen"));
    m_searchLabel->setText(tr("&Search by name, AFM or AMKA:"));
    m_searchEdit->setPlaceholderText(tr("Type at least two characters"));
    m_openButton->setText(tr("Open Citizen 360°"));
    m_closeButton->setText(tr("Close"));
    m_headerModel->retranslate();
}

void PartySearchDialog::runSearch()
{
    m_searchTimer->stop();
    const QString text = m_searchEdit->text().trimmed();
    m_model->search(text.size() >= 2 ? text : QString());
    if (text.size() < 2) {
        m_resultLabel->clear();
    } else {
        m_resultLabel->setText(tr("%n match(es)", nullptr, m_model->rowCount()));
    }
    m_openButton->setEnabled(m_resultView->currentIndex().isValid());
}

void PartySearchDialog::openSelected()
{
    const QModelIndex current = m_resultView->currentIndex();
    if (!current.isValid()) {
        return;
    }
    Q_EMIT partyRequested(m_model->partyIdAt(current.row()));
}

} // namespace CivicDesk
