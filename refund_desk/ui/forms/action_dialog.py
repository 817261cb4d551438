# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'action_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_ActionDialog(object):
    def setupUi(self, ActionDialog):
        if not ActionDialog.objectName():
            ActionDialog.setObjectName(u"ActionDialog")
        ActionDialog.resize(520, 360)
        ActionDialog.setWindowTitle(u"")
        self.mainLayout = QVBoxLayout(ActionDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.summary = QLabel(ActionDialog)
        self.summary.setObjectName(u"summary")
        self.summary.setText(u"")
        self.summary.setWordWrap(True)

        self.mainLayout.addWidget(self.summary)

        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.opinionLabel = QLabel(ActionDialog)
        self.opinionLabel.setObjectName(u"opinionLabel")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.opinionLabel)

        self.opinion = QPlainTextEdit(ActionDialog)
        self.opinion.setObjectName(u"opinion")
        self.opinion.setTabChangesFocus(True)

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.opinion)

        self.reasonLabel = QLabel(ActionDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.fields.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reason = QComboBox(ActionDialog)
        self.reason.setObjectName(u"reason")
        self.reason.setEditable(True)

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reason)

        self.leaderLabel = QLabel(ActionDialog)
        self.leaderLabel.setObjectName(u"leaderLabel")

        self.fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.leaderLabel)

        self.leader = QLineEdit(ActionDialog)
        self.leader.setObjectName(u"leader")

        self.fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.leader)


        self.mainLayout.addLayout(self.fields)

        self.error = QLabel(ActionDialog)
        self.error.setObjectName(u"error")
        self.error.setStyleSheet(u"color: #b00020;")
        self.error.setText(u"")
        self.error.setWordWrap(True)

        self.mainLayout.addWidget(self.error)

        self.buttons = QDialogButtonBox(ActionDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.opinionLabel.setBuddy(self.opinion)
        self.reasonLabel.setBuddy(self.reason)
        self.leaderLabel.setBuddy(self.leader)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ActionDialog)

        QMetaObject.connectSlotsByName(ActionDialog)
    # setupUi

    def retranslateUi(self, ActionDialog):
        self.opinionLabel.setText(QCoreApplication.translate("ActionDialog", u"Opinion (cause and solution)", None))
        self.reasonLabel.setText(QCoreApplication.translate("ActionDialog", u"Reason", None))
        self.leaderLabel.setText(QCoreApplication.translate("ActionDialog", u"Leader's approval", None))
        pass
    # retranslateUi

