# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'queue_tab.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QSizePolicy, QTableView, QVBoxLayout,
    QWidget)

class Ui_QueueTab(object):
    def setupUi(self, QueueTab):
        if not QueueTab.objectName():
            QueueTab.setObjectName(u"QueueTab")
        QueueTab.resize(1000, 600)
        self.mainLayout = QVBoxLayout(QueueTab)
        self.mainLayout.setObjectName(u"mainLayout")
        self.counts = QLabel(QueueTab)
        self.counts.setObjectName(u"counts")
        self.counts.setText(u"")
        self.counts.setWordWrap(True)

        self.mainLayout.addWidget(self.counts)

        self.filters = QHBoxLayout()
        self.filters.setObjectName(u"filters")
        self.stepLabel = QLabel(QueueTab)
        self.stepLabel.setObjectName(u"stepLabel")

        self.filters.addWidget(self.stepLabel)

        self.step = QComboBox(QueueTab)
        self.step.setObjectName(u"step")
        self.step.setMinimumContentsLength(14)

        self.filters.addWidget(self.step)

        self.filterLabel = QLabel(QueueTab)
        self.filterLabel.setObjectName(u"filterLabel")

        self.filters.addWidget(self.filterLabel)

        self.filter = QLineEdit(QueueTab)
        self.filter.setObjectName(u"filter")
        self.filter.setClearButtonEnabled(True)

        self.filters.addWidget(self.filter)

        self.overdueOnly = QCheckBox(QueueTab)
        self.overdueOnly.setObjectName(u"overdueOnly")

        self.filters.addWidget(self.overdueOnly)

        self.refreshButton = QPushButton(QueueTab)
        self.refreshButton.setObjectName(u"refreshButton")

        self.filters.addWidget(self.refreshButton)

        self.approveButton = QPushButton(QueueTab)
        self.approveButton.setObjectName(u"approveButton")

        self.filters.addWidget(self.approveButton)

        self.batchPrintButton = QPushButton(QueueTab)
        self.batchPrintButton.setObjectName(u"batchPrintButton")

        self.filters.addWidget(self.batchPrintButton)


        self.mainLayout.addLayout(self.filters)

        self.table = QTableView(QueueTab)
        self.table.setObjectName(u"table")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setSortingEnabled(True)
        self.table.setAlternatingRowColors(True)

        self.mainLayout.addWidget(self.table)

#if QT_CONFIG(shortcut)
        self.stepLabel.setBuddy(self.step)
        self.filterLabel.setBuddy(self.filter)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.step, self.filter)
        QWidget.setTabOrder(self.filter, self.overdueOnly)
        QWidget.setTabOrder(self.overdueOnly, self.refreshButton)
        QWidget.setTabOrder(self.refreshButton, self.approveButton)
        QWidget.setTabOrder(self.approveButton, self.batchPrintButton)
        QWidget.setTabOrder(self.batchPrintButton, self.table)

        self.retranslateUi(QueueTab)

        QMetaObject.connectSlotsByName(QueueTab)
    # setupUi

    def retranslateUi(self, QueueTab):
        self.stepLabel.setText(QCoreApplication.translate("QueueTab", u"Step", None))
        self.filterLabel.setText(QCoreApplication.translate("QueueTab", u"Filter", None))
        self.overdueOnly.setText(QCoreApplication.translate("QueueTab", u"Overdue only", None))
        self.refreshButton.setText(QCoreApplication.translate("QueueTab", u"Refresh", None))
        self.approveButton.setText(QCoreApplication.translate("QueueTab", u"Approve selected\u2026", None))
        self.batchPrintButton.setText(QCoreApplication.translate("QueueTab", u"Print selected\u2026", None))
        pass
    # retranslateUi

