# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'search_tab.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QDateEdit,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

class Ui_SearchTab(object):
    def setupUi(self, SearchTab):
        if not SearchTab.objectName():
            SearchTab.setObjectName(u"SearchTab")
        SearchTab.resize(1000, 600)
        self.mainLayout = QVBoxLayout(SearchTab)
        self.mainLayout.setObjectName(u"mainLayout")
        self.criteria = QHBoxLayout()
        self.criteria.setObjectName(u"criteria")
        self.textLabel = QLabel(SearchTab)
        self.textLabel.setObjectName(u"textLabel")

        self.criteria.addWidget(self.textLabel)

        self.text = QLineEdit(SearchTab)
        self.text.setObjectName(u"text")
        self.text.setClearButtonEnabled(True)

        self.criteria.addWidget(self.text)

        self.useDates = QCheckBox(SearchTab)
        self.useDates.setObjectName(u"useDates")

        self.criteria.addWidget(self.useDates)

        self.dateFrom = QDateEdit(SearchTab)
        self.dateFrom.setObjectName(u"dateFrom")
        self.dateFrom.setCalendarPopup(True)
        self.dateFrom.setDisplayFormat(u"yyyy-MM-dd")

        self.criteria.addWidget(self.dateFrom)

        self.toLabel = QLabel(SearchTab)
        self.toLabel.setObjectName(u"toLabel")

        self.criteria.addWidget(self.toLabel)

        self.dateTo = QDateEdit(SearchTab)
        self.dateTo.setObjectName(u"dateTo")
        self.dateTo.setCalendarPopup(True)
        self.dateTo.setDisplayFormat(u"yyyy-MM-dd")

        self.criteria.addWidget(self.dateTo)

        self.searchButton = QPushButton(SearchTab)
        self.searchButton.setObjectName(u"searchButton")

        self.criteria.addWidget(self.searchButton)


        self.mainLayout.addLayout(self.criteria)

        self.resultRow = QHBoxLayout()
        self.resultRow.setObjectName(u"resultRow")
        self.resultCount = QLabel(SearchTab)
        self.resultCount.setObjectName(u"resultCount")
        self.resultCount.setText(u"")

        self.resultRow.addWidget(self.resultCount)

        self.resultSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.resultRow.addItem(self.resultSpacer)

        self.batchPrintButton = QPushButton(SearchTab)
        self.batchPrintButton.setObjectName(u"batchPrintButton")

        self.resultRow.addWidget(self.batchPrintButton)


        self.mainLayout.addLayout(self.resultRow)

        self.table = QTableView(SearchTab)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)

        self.mainLayout.addWidget(self.table)

#if QT_CONFIG(shortcut)
        self.textLabel.setBuddy(self.text)
        self.toLabel.setBuddy(self.dateTo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.text, self.useDates)
        QWidget.setTabOrder(self.useDates, self.dateFrom)
        QWidget.setTabOrder(self.dateFrom, self.dateTo)
        QWidget.setTabOrder(self.dateTo, self.searchButton)
        QWidget.setTabOrder(self.searchButton, self.batchPrintButton)
        QWidget.setTabOrder(self.batchPrintButton, self.table)

        self.retranslateUi(SearchTab)

        self.searchButton.setDefault(True)


        QMetaObject.connectSlotsByName(SearchTab)
    # setupUi

    def retranslateUi(self, SearchTab):
        self.textLabel.setText(QCoreApplication.translate("SearchTab", u"Form / order / mobile", None))
        self.useDates.setText(QCoreApplication.translate("SearchTab", u"Complaint date from", None))
        self.toLabel.setText(QCoreApplication.translate("SearchTab", u"to", None))
        self.searchButton.setText(QCoreApplication.translate("SearchTab", u"Search", None))
        self.batchPrintButton.setText(QCoreApplication.translate("SearchTab", u"Print selected\u2026", None))
        pass
    # retranslateUi

