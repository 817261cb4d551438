# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'refund_form.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QGridLayout, QGroupBox,
    QHBoxLayout, QHeaderView, QLabel, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout,
    QWidget)

class Ui_RefundForm(object):
    def setupUi(self, RefundForm):
        if not RefundForm.objectName():
            RefundForm.setObjectName(u"RefundForm")
        RefundForm.resize(1100, 760)
        self.mainLayout = QVBoxLayout(RefundForm)
        self.mainLayout.setObjectName(u"mainLayout")
        self.header = QHBoxLayout()
        self.header.setObjectName(u"header")
        self.formNo = QLabel(RefundForm)
        self.formNo.setObjectName(u"formNo")
        self.formNo.setText(u"")
        self.formNo.setStyleSheet(u"font-weight: bold;")

        self.header.addWidget(self.formNo)

        self.state = QLabel(RefundForm)
        self.state.setObjectName(u"state")
        self.state.setText(u"")

        self.header.addWidget(self.state)

        self.headerSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.header.addItem(self.headerSpacer)

        self.clock = QLabel(RefundForm)
        self.clock.setObjectName(u"clock")
        self.clock.setText(u"")
        self.clock.setStyleSheet(u"font-weight: bold;")

        self.header.addWidget(self.clock)


        self.mainLayout.addLayout(self.header)

        self.meta = QLabel(RefundForm)
        self.meta.setObjectName(u"meta")
        self.meta.setText(u"")

        self.mainLayout.addWidget(self.meta)

        self.fieldColumns = QHBoxLayout()
        self.fieldColumns.setObjectName(u"fieldColumns")
        self.leftFields = QGridLayout()
        self.leftFields.setObjectName(u"leftFields")

        self.fieldColumns.addLayout(self.leftFields)

        self.rightFields = QGridLayout()
        self.rightFields.setObjectName(u"rightFields")

        self.fieldColumns.addLayout(self.rightFields)


        self.mainLayout.addLayout(self.fieldColumns)

        self.notice = QLabel(RefundForm)
        self.notice.setObjectName(u"notice")
        self.notice.setText(u"")

        self.mainLayout.addWidget(self.notice)

        self.formButtons = QHBoxLayout()
        self.formButtons.setObjectName(u"formButtons")
        self.newButton = QPushButton(RefundForm)
        self.newButton.setObjectName(u"newButton")

        self.formButtons.addWidget(self.newButton)

        self.reloadButton = QPushButton(RefundForm)
        self.reloadButton.setObjectName(u"reloadButton")

        self.formButtons.addWidget(self.reloadButton)

        self.previewButton = QPushButton(RefundForm)
        self.previewButton.setObjectName(u"previewButton")

        self.formButtons.addWidget(self.previewButton)

        self.printButton = QPushButton(RefundForm)
        self.printButton.setObjectName(u"printButton")

        self.formButtons.addWidget(self.printButton)

        self.buttonSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.formButtons.addItem(self.buttonSpacer)

        self.saveButton = QPushButton(RefundForm)
        self.saveButton.setObjectName(u"saveButton")

        self.formButtons.addWidget(self.saveButton)


        self.mainLayout.addLayout(self.formButtons)

        self.actionsBox = QGroupBox(RefundForm)
        self.actionsBox.setObjectName(u"actionsBox")
        self.actions = QHBoxLayout(self.actionsBox)
        self.actions.setObjectName(u"actions")

        self.mainLayout.addWidget(self.actionsBox)

        self.historyLabel = QLabel(RefundForm)
        self.historyLabel.setObjectName(u"historyLabel")
        self.historyLabel.setStyleSheet(u"font-weight: bold;")

        self.mainLayout.addWidget(self.historyLabel)

        self.history = QTableView(RefundForm)
        self.history.setObjectName(u"history")
        self.history.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history.setWordWrap(True)

        self.mainLayout.addWidget(self.history)

        QWidget.setTabOrder(self.previewButton, self.printButton)
        QWidget.setTabOrder(self.printButton, self.saveButton)

        self.retranslateUi(RefundForm)

        QMetaObject.connectSlotsByName(RefundForm)
    # setupUi

    def retranslateUi(self, RefundForm):
        self.newButton.setText(QCoreApplication.translate("RefundForm", u"New refund", None))
        self.reloadButton.setText(QCoreApplication.translate("RefundForm", u"Reload", None))
        self.previewButton.setText(QCoreApplication.translate("RefundForm", u"Print preview", None))
        self.printButton.setText(QCoreApplication.translate("RefundForm", u"Print\u2026", None))
        self.saveButton.setText(QCoreApplication.translate("RefundForm", u"Save draft", None))
        self.actionsBox.setTitle(QCoreApplication.translate("RefundForm", u"Actions", None))
        self.historyLabel.setText(QCoreApplication.translate("RefundForm", u"Step history", None))
        pass
    # retranslateUi

