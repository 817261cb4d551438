# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'handover_tab.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QDateTimeEdit, QGridLayout,
    QGroupBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QListWidget, QListWidgetItem, QPlainTextEdit,
    QPushButton, QRadioButton, QSizePolicy, QSpacerItem,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_HandoverTab(object):
    def setupUi(self, HandoverTab):
        if not HandoverTab.objectName():
            HandoverTab.setObjectName(u"HandoverTab")
        HandoverTab.resize(1100, 760)
        self.mainLayout = QHBoxLayout(HandoverTab)
        self.mainLayout.setObjectName(u"mainLayout")
        self.sheetColumn = QVBoxLayout()
        self.sheetColumn.setObjectName(u"sheetColumn")
        self.sheetsLabel = QLabel(HandoverTab)
        self.sheetsLabel.setObjectName(u"sheetsLabel")
        self.sheetsLabel.setWordWrap(True)

        self.sheetColumn.addWidget(self.sheetsLabel)

        self.sheets = QListWidget(HandoverTab)
        self.sheets.setObjectName(u"sheets")
        self.sheets.setMaximumSize(QSize(280, 16777215))

        self.sheetColumn.addWidget(self.sheets)

        self.shiftLabel = QLabel(HandoverTab)
        self.shiftLabel.setObjectName(u"shiftLabel")
        self.shiftLabel.setWordWrap(True)

        self.sheetColumn.addWidget(self.shiftLabel)

        self.shift = QComboBox(HandoverTab)
        self.shift.setObjectName(u"shift")

        self.sheetColumn.addWidget(self.shift)

        self.startLabel = QLabel(HandoverTab)
        self.startLabel.setObjectName(u"startLabel")
        self.startLabel.setWordWrap(True)

        self.sheetColumn.addWidget(self.startLabel)

        self.shiftStart = QDateTimeEdit(HandoverTab)
        self.shiftStart.setObjectName(u"shiftStart")
        self.shiftStart.setCalendarPopup(True)
        self.shiftStart.setDisplayFormat(u"yyyy-MM-dd HH:mm")

        self.sheetColumn.addWidget(self.shiftStart)

        self.endLabel = QLabel(HandoverTab)
        self.endLabel.setObjectName(u"endLabel")
        self.endLabel.setWordWrap(True)

        self.sheetColumn.addWidget(self.endLabel)

        self.shiftEnd = QDateTimeEdit(HandoverTab)
        self.shiftEnd.setObjectName(u"shiftEnd")
        self.shiftEnd.setCalendarPopup(True)
        self.shiftEnd.setDisplayFormat(u"yyyy-MM-dd HH:mm")

        self.sheetColumn.addWidget(self.shiftEnd)

        self.createButton = QPushButton(HandoverTab)
        self.createButton.setObjectName(u"createButton")

        self.sheetColumn.addWidget(self.createButton)


        self.mainLayout.addLayout(self.sheetColumn)

        self.sheetLayout = QVBoxLayout()
        self.sheetLayout.setObjectName(u"sheetLayout")
        self.header = QLabel(HandoverTab)
        self.header.setObjectName(u"header")
        self.header.setText(u"")
        self.header.setWordWrap(True)

        self.sheetLayout.addWidget(self.header)

        self.topRow = QHBoxLayout()
        self.topRow.setObjectName(u"topRow")
        self.attendanceBox = QGroupBox(HandoverTab)
        self.attendanceBox.setObjectName(u"attendanceBox")
        self.attendance = QGridLayout(self.attendanceBox)
        self.attendance.setObjectName(u"attendance")
        self.expectedLabel = QLabel(self.attendanceBox)
        self.expectedLabel.setObjectName(u"expectedLabel")
        self.expectedLabel.setWordWrap(True)

        self.attendance.addWidget(self.expectedLabel, 0, 0, 1, 1)

        self.expected = QLineEdit(self.attendanceBox)
        self.expected.setObjectName(u"expected")

        self.attendance.addWidget(self.expected, 0, 1, 1, 1)

        self.presentLabel = QLabel(self.attendanceBox)
        self.presentLabel.setObjectName(u"presentLabel")
        self.presentLabel.setWordWrap(True)

        self.attendance.addWidget(self.presentLabel, 1, 0, 1, 1)

        self.present = QLineEdit(self.attendanceBox)
        self.present.setObjectName(u"present")

        self.attendance.addWidget(self.present, 1, 1, 1, 1)

        self.lateLabel = QLabel(self.attendanceBox)
        self.lateLabel.setObjectName(u"lateLabel")
        self.lateLabel.setWordWrap(True)

        self.attendance.addWidget(self.lateLabel, 2, 0, 1, 1)

        self.late = QLineEdit(self.attendanceBox)
        self.late.setObjectName(u"late")

        self.attendance.addWidget(self.late, 2, 1, 1, 1)

        self.left_earlyLabel = QLabel(self.attendanceBox)
        self.left_earlyLabel.setObjectName(u"left_earlyLabel")
        self.left_earlyLabel.setWordWrap(True)

        self.attendance.addWidget(self.left_earlyLabel, 3, 0, 1, 1)

        self.left_early = QLineEdit(self.attendanceBox)
        self.left_early.setObjectName(u"left_early")

        self.attendance.addWidget(self.left_early, 3, 1, 1, 1)

        self.absentLabel = QLabel(self.attendanceBox)
        self.absentLabel.setObjectName(u"absentLabel")
        self.absentLabel.setWordWrap(True)

        self.attendance.addWidget(self.absentLabel, 4, 0, 1, 1)

        self.absent = QLineEdit(self.attendanceBox)
        self.absent.setObjectName(u"absent")

        self.attendance.addWidget(self.absent, 4, 1, 1, 1)


        self.topRow.addWidget(self.attendanceBox)

        self.listsColumn = QVBoxLayout()
        self.listsColumn.setObjectName(u"listsColumn")
        self.workLabel = QLabel(HandoverTab)
        self.workLabel.setObjectName(u"workLabel")
        self.workLabel.setWordWrap(True)

        self.listsColumn.addWidget(self.workLabel)

        self.workDone = QPlainTextEdit(HandoverTab)
        self.workDone.setObjectName(u"workDone")
        self.workDone.setTabChangesFocus(True)

        self.listsColumn.addWidget(self.workDone)

        self.followLabel = QLabel(HandoverTab)
        self.followLabel.setObjectName(u"followLabel")
        self.followLabel.setWordWrap(True)

        self.listsColumn.addWidget(self.followLabel)

        self.followUps = QPlainTextEdit(HandoverTab)
        self.followUps.setObjectName(u"followUps")
        self.followUps.setTabChangesFocus(True)

        self.listsColumn.addWidget(self.followUps)


        self.topRow.addLayout(self.listsColumn)


        self.sheetLayout.addLayout(self.topRow)

        self.refundsLabel = QLabel(HandoverTab)
        self.refundsLabel.setObjectName(u"refundsLabel")
        self.refundsLabel.setWordWrap(True)

        self.sheetLayout.addWidget(self.refundsLabel)

        self.refunds = QTableWidget(HandoverTab)
        self.refunds.setObjectName(u"refunds")
        self.refunds.setAlternatingRowColors(True)

        self.sheetLayout.addWidget(self.refunds)

        self.cleanRow = QHBoxLayout()
        self.cleanRow.setObjectName(u"cleanRow")
        self.cleanedLabel = QLabel(HandoverTab)
        self.cleanedLabel.setObjectName(u"cleanedLabel")
        self.cleanedLabel.setWordWrap(True)

        self.cleanRow.addWidget(self.cleanedLabel)

        self.cleanedYes = QRadioButton(HandoverTab)
        self.cleanedYes.setObjectName(u"cleanedYes")

        self.cleanRow.addWidget(self.cleanedYes)

        self.cleanedNo = QRadioButton(HandoverTab)
        self.cleanedNo.setObjectName(u"cleanedNo")

        self.cleanRow.addWidget(self.cleanedNo)

        self.cleanSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.cleanRow.addItem(self.cleanSpacer)

        self.previewButton = QPushButton(HandoverTab)
        self.previewButton.setObjectName(u"previewButton")

        self.cleanRow.addWidget(self.previewButton)

        self.printButton = QPushButton(HandoverTab)
        self.printButton.setObjectName(u"printButton")

        self.cleanRow.addWidget(self.printButton)

        self.saveButton = QPushButton(HandoverTab)
        self.saveButton.setObjectName(u"saveButton")

        self.cleanRow.addWidget(self.saveButton)

        self.signButton = QPushButton(HandoverTab)
        self.signButton.setObjectName(u"signButton")

        self.cleanRow.addWidget(self.signButton)


        self.sheetLayout.addLayout(self.cleanRow)

        self.confirmRow = QHBoxLayout()
        self.confirmRow.setObjectName(u"confirmRow")
        self.takerLabel = QLabel(HandoverTab)
        self.takerLabel.setObjectName(u"takerLabel")
        self.takerLabel.setWordWrap(True)

        self.confirmRow.addWidget(self.takerLabel)

        self.takerName = QLineEdit(HandoverTab)
        self.takerName.setObjectName(u"takerName")

        self.confirmRow.addWidget(self.takerName)

        self.takerPasswordLabel = QLabel(HandoverTab)
        self.takerPasswordLabel.setObjectName(u"takerPasswordLabel")
        self.takerPasswordLabel.setWordWrap(True)

        self.confirmRow.addWidget(self.takerPasswordLabel)

        self.takerPassword = QLineEdit(HandoverTab)
        self.takerPassword.setObjectName(u"takerPassword")
        self.takerPassword.setEchoMode(QLineEdit.EchoMode.Password)

        self.confirmRow.addWidget(self.takerPassword)

        self.confirmButton = QPushButton(HandoverTab)
        self.confirmButton.setObjectName(u"confirmButton")

        self.confirmRow.addWidget(self.confirmButton)


        self.sheetLayout.addLayout(self.confirmRow)

        self.notice = QLabel(HandoverTab)
        self.notice.setObjectName(u"notice")
        self.notice.setText(u"")
        self.notice.setWordWrap(True)

        self.sheetLayout.addWidget(self.notice)


        self.mainLayout.addLayout(self.sheetLayout)

#if QT_CONFIG(shortcut)
        self.sheetsLabel.setBuddy(self.sheets)
        self.shiftLabel.setBuddy(self.shift)
        self.startLabel.setBuddy(self.shiftStart)
        self.endLabel.setBuddy(self.shiftEnd)
        self.expectedLabel.setBuddy(self.expected)
        self.presentLabel.setBuddy(self.present)
        self.lateLabel.setBuddy(self.late)
        self.left_earlyLabel.setBuddy(self.left_early)
        self.absentLabel.setBuddy(self.absent)
        self.workLabel.setBuddy(self.workDone)
        self.followLabel.setBuddy(self.followUps)
        self.refundsLabel.setBuddy(self.refunds)
        self.takerLabel.setBuddy(self.takerName)
        self.takerPasswordLabel.setBuddy(self.takerPassword)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.expected, self.present)
        QWidget.setTabOrder(self.present, self.late)
        QWidget.setTabOrder(self.late, self.left_early)
        QWidget.setTabOrder(self.left_early, self.absent)
        QWidget.setTabOrder(self.absent, self.workDone)
        QWidget.setTabOrder(self.workDone, self.followUps)
        QWidget.setTabOrder(self.followUps, self.refunds)
        QWidget.setTabOrder(self.refunds, self.cleanedYes)
        QWidget.setTabOrder(self.cleanedYes, self.cleanedNo)
        QWidget.setTabOrder(self.cleanedNo, self.previewButton)
        QWidget.setTabOrder(self.previewButton, self.printButton)
        QWidget.setTabOrder(self.printButton, self.saveButton)
        QWidget.setTabOrder(self.saveButton, self.signButton)
        QWidget.setTabOrder(self.signButton, self.takerName)
        QWidget.setTabOrder(self.takerName, self.takerPassword)
        QWidget.setTabOrder(self.takerPassword, self.confirmButton)

        self.retranslateUi(HandoverTab)

        QMetaObject.connectSlotsByName(HandoverTab)
    # setupUi

    def retranslateUi(self, HandoverTab):
        self.sheetsLabel.setText(QCoreApplication.translate("HandoverTab", u"Handover sheets", None))
        self.shiftLabel.setText(QCoreApplication.translate("HandoverTab", u"Shift", None))
        self.startLabel.setText(QCoreApplication.translate("HandoverTab", u"From", None))
        self.endLabel.setText(QCoreApplication.translate("HandoverTab", u"To", None))
        self.createButton.setText(QCoreApplication.translate("HandoverTab", u"New handover sheet", None))
        self.attendanceBox.setTitle(QCoreApplication.translate("HandoverTab", u"Attendance", None))
        self.expectedLabel.setText(QCoreApplication.translate("HandoverTab", u"Expected on duty", None))
        self.presentLabel.setText(QCoreApplication.translate("HandoverTab", u"Present", None))
        self.lateLabel.setText(QCoreApplication.translate("HandoverTab", u"Late", None))
        self.left_earlyLabel.setText(QCoreApplication.translate("HandoverTab", u"Left early", None))
        self.absentLabel.setText(QCoreApplication.translate("HandoverTab", u"Absent", None))
        self.workLabel.setText(QCoreApplication.translate("HandoverTab", u"Work completed (one item per line)", None))
        self.followLabel.setText(QCoreApplication.translate("HandoverTab", u"Items others must follow up (one per line)", None))
        self.refundsLabel.setText(QCoreApplication.translate("HandoverTab", u"Refund forms in this shift (add notes only)", None))
        self.cleanedLabel.setText(QCoreApplication.translate("HandoverTab", u"Was the room cleaned?", None))
        self.cleanedYes.setText(QCoreApplication.translate("HandoverTab", u"Yes", None))
        self.cleanedNo.setText(QCoreApplication.translate("HandoverTab", u"No", None))
        self.previewButton.setText(QCoreApplication.translate("HandoverTab", u"Print preview", None))
        self.printButton.setText(QCoreApplication.translate("HandoverTab", u"Print\u2026", None))
        self.saveButton.setText(QCoreApplication.translate("HandoverTab", u"Save", None))
        self.signButton.setText(QCoreApplication.translate("HandoverTab", u"Sign as outgoing", None))
        self.takerLabel.setText(QCoreApplication.translate("HandoverTab", u"Incoming user", None))
        self.takerPasswordLabel.setText(QCoreApplication.translate("HandoverTab", u"Password", None))
        self.confirmButton.setText(QCoreApplication.translate("HandoverTab", u"Confirm taking over", None))
        pass
    # retranslateUi

