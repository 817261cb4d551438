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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QGridLayout,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPlainTextEdit, QPushButton, QSizePolicy,
    QSpacerItem, QTableView, QVBoxLayout, QWidget)

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
        self.order_noLabel = QLabel(RefundForm)
        self.order_noLabel.setObjectName(u"order_noLabel")

        self.leftFields.addWidget(self.order_noLabel, 0, 0, 1, 1)

        self.order_no = QLineEdit(RefundForm)
        self.order_no.setObjectName(u"order_no")
        self.order_no.setPlaceholderText(u"TK20261127001")

        self.leftFields.addWidget(self.order_no, 0, 1, 1, 1)

        self.order_noError = QLabel(RefundForm)
        self.order_noError.setObjectName(u"order_noError")
        self.order_noError.setText(u"")
        self.order_noError.setStyleSheet(u"color: #b00020;")
        self.order_noError.setWordWrap(True)

        self.leftFields.addWidget(self.order_noError, 1, 1, 1, 1)

        self.phoneLabel = QLabel(RefundForm)
        self.phoneLabel.setObjectName(u"phoneLabel")

        self.leftFields.addWidget(self.phoneLabel, 2, 0, 1, 1)

        self.phone = QLineEdit(RefundForm)
        self.phone.setObjectName(u"phone")
        self.phone.setPlaceholderText(u"13800138000")

        self.leftFields.addWidget(self.phone, 2, 1, 1, 1)

        self.phoneError = QLabel(RefundForm)
        self.phoneError.setObjectName(u"phoneError")
        self.phoneError.setText(u"")
        self.phoneError.setStyleSheet(u"color: #b00020;")
        self.phoneError.setWordWrap(True)

        self.leftFields.addWidget(self.phoneError, 3, 1, 1, 1)

        self.purchase_timeLabel = QLabel(RefundForm)
        self.purchase_timeLabel.setObjectName(u"purchase_timeLabel")

        self.leftFields.addWidget(self.purchase_timeLabel, 4, 0, 1, 1)

        self.purchase_time = QLineEdit(RefundForm)
        self.purchase_time.setObjectName(u"purchase_time")
        self.purchase_time.setPlaceholderText(u"2026-11-27 09:30")

        self.leftFields.addWidget(self.purchase_time, 4, 1, 1, 1)

        self.purchase_timeError = QLabel(RefundForm)
        self.purchase_timeError.setObjectName(u"purchase_timeError")
        self.purchase_timeError.setText(u"")
        self.purchase_timeError.setStyleSheet(u"color: #b00020;")
        self.purchase_timeError.setWordWrap(True)

        self.leftFields.addWidget(self.purchase_timeError, 5, 1, 1, 1)

        self.bankLabel = QLabel(RefundForm)
        self.bankLabel.setObjectName(u"bankLabel")

        self.leftFields.addWidget(self.bankLabel, 6, 0, 1, 1)

        self.bank = QComboBox(RefundForm)
        self.bank.setObjectName(u"bank")

        self.leftFields.addWidget(self.bank, 6, 1, 1, 1)

        self.bankError = QLabel(RefundForm)
        self.bankError.setObjectName(u"bankError")
        self.bankError.setText(u"")
        self.bankError.setStyleSheet(u"color: #b00020;")
        self.bankError.setWordWrap(True)

        self.leftFields.addWidget(self.bankError, 7, 1, 1, 1)

        self.bank_otherLabel = QLabel(RefundForm)
        self.bank_otherLabel.setObjectName(u"bank_otherLabel")

        self.leftFields.addWidget(self.bank_otherLabel, 8, 0, 1, 1)

        self.bank_other = QLineEdit(RefundForm)
        self.bank_other.setObjectName(u"bank_other")

        self.leftFields.addWidget(self.bank_other, 8, 1, 1, 1)

        self.bank_otherError = QLabel(RefundForm)
        self.bank_otherError.setObjectName(u"bank_otherError")
        self.bank_otherError.setText(u"")
        self.bank_otherError.setStyleSheet(u"color: #b00020;")
        self.bank_otherError.setWordWrap(True)

        self.leftFields.addWidget(self.bank_otherError, 9, 1, 1, 1)

        self.amountLabel = QLabel(RefundForm)
        self.amountLabel.setObjectName(u"amountLabel")

        self.leftFields.addWidget(self.amountLabel, 10, 0, 1, 1)

        self.amount = QLineEdit(RefundForm)
        self.amount.setObjectName(u"amount")
        self.amount.setPlaceholderText(u"128.50")

        self.leftFields.addWidget(self.amount, 10, 1, 1, 1)

        self.amountError = QLabel(RefundForm)
        self.amountError.setObjectName(u"amountError")
        self.amountError.setText(u"")
        self.amountError.setStyleSheet(u"color: #b00020;")
        self.amountError.setWordWrap(True)

        self.leftFields.addWidget(self.amountError, 11, 1, 1, 1)

        self.contactLabel = QLabel(RefundForm)
        self.contactLabel.setObjectName(u"contactLabel")

        self.leftFields.addWidget(self.contactLabel, 12, 0, 1, 1)

        self.contact = QLineEdit(RefundForm)
        self.contact.setObjectName(u"contact")

        self.leftFields.addWidget(self.contact, 12, 1, 1, 1)

        self.contactError = QLabel(RefundForm)
        self.contactError.setObjectName(u"contactError")
        self.contactError.setText(u"")
        self.contactError.setStyleSheet(u"color: #b00020;")
        self.contactError.setWordWrap(True)

        self.leftFields.addWidget(self.contactError, 13, 1, 1, 1)


        self.fieldColumns.addLayout(self.leftFields)

        self.rightFields = QGridLayout()
        self.rightFields.setObjectName(u"rightFields")
        self.fault_categoryLabel = QLabel(RefundForm)
        self.fault_categoryLabel.setObjectName(u"fault_categoryLabel")

        self.rightFields.addWidget(self.fault_categoryLabel, 0, 0, 1, 1)

        self.fault_category = QComboBox(RefundForm)
        self.fault_category.setObjectName(u"fault_category")

        self.rightFields.addWidget(self.fault_category, 0, 1, 1, 1)

        self.fault_categoryError = QLabel(RefundForm)
        self.fault_categoryError.setObjectName(u"fault_categoryError")
        self.fault_categoryError.setText(u"")
        self.fault_categoryError.setStyleSheet(u"color: #b00020;")
        self.fault_categoryError.setWordWrap(True)

        self.rightFields.addWidget(self.fault_categoryError, 1, 1, 1, 1)

        self.fault_descriptionLabel = QLabel(RefundForm)
        self.fault_descriptionLabel.setObjectName(u"fault_descriptionLabel")

        self.rightFields.addWidget(self.fault_descriptionLabel, 2, 0, 1, 1)

        self.fault_description = QPlainTextEdit(RefundForm)
        self.fault_description.setObjectName(u"fault_description")
        self.fault_description.setTabChangesFocus(True)
        self.fault_description.setMaximumSize(QSize(16777215, 70))

        self.rightFields.addWidget(self.fault_description, 2, 1, 1, 1)

        self.fault_descriptionError = QLabel(RefundForm)
        self.fault_descriptionError.setObjectName(u"fault_descriptionError")
        self.fault_descriptionError.setText(u"")
        self.fault_descriptionError.setStyleSheet(u"color: #b00020;")
        self.fault_descriptionError.setWordWrap(True)

        self.rightFields.addWidget(self.fault_descriptionError, 3, 1, 1, 1)

        self.customer_viewLabel = QLabel(RefundForm)
        self.customer_viewLabel.setObjectName(u"customer_viewLabel")

        self.rightFields.addWidget(self.customer_viewLabel, 4, 0, 1, 1)

        self.customer_view = QPlainTextEdit(RefundForm)
        self.customer_view.setObjectName(u"customer_view")
        self.customer_view.setTabChangesFocus(True)
        self.customer_view.setMaximumSize(QSize(16777215, 70))

        self.rightFields.addWidget(self.customer_view, 4, 1, 1, 1)

        self.customer_viewError = QLabel(RefundForm)
        self.customer_viewError.setObjectName(u"customer_viewError")
        self.customer_viewError.setText(u"")
        self.customer_viewError.setStyleSheet(u"color: #b00020;")
        self.customer_viewError.setWordWrap(True)

        self.rightFields.addWidget(self.customer_viewError, 5, 1, 1, 1)

        self.complaint_noLabel = QLabel(RefundForm)
        self.complaint_noLabel.setObjectName(u"complaint_noLabel")

        self.rightFields.addWidget(self.complaint_noLabel, 6, 0, 1, 1)

        self.complaint_no = QLineEdit(RefundForm)
        self.complaint_no.setObjectName(u"complaint_no")

        self.rightFields.addWidget(self.complaint_no, 6, 1, 1, 1)

        self.complaint_noError = QLabel(RefundForm)
        self.complaint_noError.setObjectName(u"complaint_noError")
        self.complaint_noError.setText(u"")
        self.complaint_noError.setStyleSheet(u"color: #b00020;")
        self.complaint_noError.setWordWrap(True)

        self.rightFields.addWidget(self.complaint_noError, 7, 1, 1, 1)

        self.handling_deptLabel = QLabel(RefundForm)
        self.handling_deptLabel.setObjectName(u"handling_deptLabel")

        self.rightFields.addWidget(self.handling_deptLabel, 8, 0, 1, 1)

        self.handling_dept = QLineEdit(RefundForm)
        self.handling_dept.setObjectName(u"handling_dept")

        self.rightFields.addWidget(self.handling_dept, 8, 1, 1, 1)

        self.handling_deptError = QLabel(RefundForm)
        self.handling_deptError.setObjectName(u"handling_deptError")
        self.handling_deptError.setText(u"")
        self.handling_deptError.setStyleSheet(u"color: #b00020;")
        self.handling_deptError.setWordWrap(True)

        self.rightFields.addWidget(self.handling_deptError, 9, 1, 1, 1)


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

#if QT_CONFIG(shortcut)
        self.order_noLabel.setBuddy(self.order_no)
        self.phoneLabel.setBuddy(self.phone)
        self.purchase_timeLabel.setBuddy(self.purchase_time)
        self.bankLabel.setBuddy(self.bank)
        self.bank_otherLabel.setBuddy(self.bank_other)
        self.amountLabel.setBuddy(self.amount)
        self.contactLabel.setBuddy(self.contact)
        self.fault_categoryLabel.setBuddy(self.fault_category)
        self.fault_descriptionLabel.setBuddy(self.fault_description)
        self.customer_viewLabel.setBuddy(self.customer_view)
        self.complaint_noLabel.setBuddy(self.complaint_no)
        self.handling_deptLabel.setBuddy(self.handling_dept)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.order_no, self.phone)
        QWidget.setTabOrder(self.phone, self.purchase_time)
        QWidget.setTabOrder(self.purchase_time, self.bank)
        QWidget.setTabOrder(self.bank, self.bank_other)
        QWidget.setTabOrder(self.bank_other, self.amount)
        QWidget.setTabOrder(self.amount, self.contact)
        QWidget.setTabOrder(self.contact, self.fault_category)
        QWidget.setTabOrder(self.fault_category, self.fault_description)
        QWidget.setTabOrder(self.fault_description, self.customer_view)
        QWidget.setTabOrder(self.customer_view, self.complaint_no)
        QWidget.setTabOrder(self.complaint_no, self.handling_dept)
        QWidget.setTabOrder(self.handling_dept, self.previewButton)
        QWidget.setTabOrder(self.previewButton, self.printButton)
        QWidget.setTabOrder(self.printButton, self.saveButton)

        self.retranslateUi(RefundForm)

        QMetaObject.connectSlotsByName(RefundForm)
    # setupUi

    def retranslateUi(self, RefundForm):
        self.order_noLabel.setText(QCoreApplication.translate("RefundForm", u"Order number", None))
        self.phoneLabel.setText(QCoreApplication.translate("RefundForm", u"Mobile", None))
        self.purchase_timeLabel.setText(QCoreApplication.translate("RefundForm", u"Purchase time", None))
        self.bankLabel.setText(QCoreApplication.translate("RefundForm", u"Paying bank", None))
        self.bank_otherLabel.setText(QCoreApplication.translate("RefundForm", u"Bank name", None))
        self.amountLabel.setText(QCoreApplication.translate("RefundForm", u"Amount (yuan)", None))
        self.contactLabel.setText(QCoreApplication.translate("RefundForm", u"Contact", None))
        self.fault_categoryLabel.setText(QCoreApplication.translate("RefundForm", u"Fault", None))
        self.fault_descriptionLabel.setText(QCoreApplication.translate("RefundForm", u"Fault description", None))
        self.customer_viewLabel.setText(QCoreApplication.translate("RefundForm", u"Customer's view", None))
        self.complaint_noLabel.setText(QCoreApplication.translate("RefundForm", u"Complaint number", None))
        self.handling_deptLabel.setText(QCoreApplication.translate("RefundForm", u"Handling department", None))
        self.newButton.setText(QCoreApplication.translate("RefundForm", u"New refund", None))
        self.reloadButton.setText(QCoreApplication.translate("RefundForm", u"Reload", None))
        self.previewButton.setText(QCoreApplication.translate("RefundForm", u"Print preview", None))
        self.printButton.setText(QCoreApplication.translate("RefundForm", u"Print\u2026", None))
        self.saveButton.setText(QCoreApplication.translate("RefundForm", u"Save draft", None))
        self.actionsBox.setTitle(QCoreApplication.translate("RefundForm", u"Actions", None))
        self.historyLabel.setText(QCoreApplication.translate("RefundForm", u"Step history", None))
        pass
    # retranslateUi

