# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'user_dialog.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QFormLayout, QGridLayout, QLabel, QLineEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_UserDialog(object):
    def setupUi(self, UserDialog):
        if not UserDialog.objectName():
            UserDialog.setObjectName(u"UserDialog")
        UserDialog.resize(520, 420)
        UserDialog.setWindowTitle(u"")
        self.mainLayout = QVBoxLayout(UserDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.intro = QLabel(UserDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setText(u"")
        self.intro.setWordWrap(True)

        self.mainLayout.addWidget(self.intro)

        self.fields = QFormLayout()
        self.fields.setObjectName(u"fields")
        self.usernameLabel = QLabel(UserDialog)
        self.usernameLabel.setObjectName(u"usernameLabel")

        self.fields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.usernameLabel)

        self.username = QLineEdit(UserDialog)
        self.username.setObjectName(u"username")
        self.username.setMaxLength(40)

        self.fields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.username)

        self.usernameError = QLabel(UserDialog)
        self.usernameError.setObjectName(u"usernameError")
        self.usernameError.setStyleSheet(u"color: #b00020;")
        self.usernameError.setText(u"")
        self.usernameError.setWordWrap(True)

        self.fields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.usernameError)

        self.displayNameLabel = QLabel(UserDialog)
        self.displayNameLabel.setObjectName(u"displayNameLabel")

        self.fields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.displayNameLabel)

        self.displayName = QLineEdit(UserDialog)
        self.displayName.setObjectName(u"displayName")

        self.fields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.displayName)

        self.displayNameError = QLabel(UserDialog)
        self.displayNameError.setObjectName(u"displayNameError")
        self.displayNameError.setStyleSheet(u"color: #b00020;")
        self.displayNameError.setText(u"")
        self.displayNameError.setWordWrap(True)

        self.fields.setWidget(3, QFormLayout.ItemRole.FieldRole, self.displayNameError)

        self.rolesLabel = QLabel(UserDialog)
        self.rolesLabel.setObjectName(u"rolesLabel")

        self.fields.setWidget(4, QFormLayout.ItemRole.LabelRole, self.rolesLabel)

        self.roles = QWidget(UserDialog)
        self.roles.setObjectName(u"roles")
        self.rolesGrid = QGridLayout(self.roles)
        self.rolesGrid.setObjectName(u"rolesGrid")
        self.rolesGrid.setContentsMargins(0, 0, 0, 0)

        self.fields.setWidget(4, QFormLayout.ItemRole.FieldRole, self.roles)

        self.rolesError = QLabel(UserDialog)
        self.rolesError.setObjectName(u"rolesError")
        self.rolesError.setStyleSheet(u"color: #b00020;")
        self.rolesError.setText(u"")
        self.rolesError.setWordWrap(True)

        self.fields.setWidget(5, QFormLayout.ItemRole.FieldRole, self.rolesError)

        self.passwordLabel = QLabel(UserDialog)
        self.passwordLabel.setObjectName(u"passwordLabel")

        self.fields.setWidget(6, QFormLayout.ItemRole.LabelRole, self.passwordLabel)

        self.password = QLineEdit(UserDialog)
        self.password.setObjectName(u"password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)

        self.fields.setWidget(6, QFormLayout.ItemRole.FieldRole, self.password)

        self.passwordError = QLabel(UserDialog)
        self.passwordError.setObjectName(u"passwordError")
        self.passwordError.setStyleSheet(u"color: #b00020;")
        self.passwordError.setText(u"")
        self.passwordError.setWordWrap(True)

        self.fields.setWidget(7, QFormLayout.ItemRole.FieldRole, self.passwordError)

        self.againLabel = QLabel(UserDialog)
        self.againLabel.setObjectName(u"againLabel")

        self.fields.setWidget(8, QFormLayout.ItemRole.LabelRole, self.againLabel)

        self.again = QLineEdit(UserDialog)
        self.again.setObjectName(u"again")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)

        self.fields.setWidget(8, QFormLayout.ItemRole.FieldRole, self.again)

        self.againError = QLabel(UserDialog)
        self.againError.setObjectName(u"againError")
        self.againError.setStyleSheet(u"color: #b00020;")
        self.againError.setText(u"")
        self.againError.setWordWrap(True)

        self.fields.setWidget(9, QFormLayout.ItemRole.FieldRole, self.againError)


        self.mainLayout.addLayout(self.fields)

        self.error = QLabel(UserDialog)
        self.error.setObjectName(u"error")
        self.error.setStyleSheet(u"color: #b00020;")
        self.error.setText(u"")
        self.error.setWordWrap(True)

        self.mainLayout.addWidget(self.error)

        self.buttons = QDialogButtonBox(UserDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.usernameLabel.setBuddy(self.username)
        self.displayNameLabel.setBuddy(self.displayName)
        self.passwordLabel.setBuddy(self.password)
        self.againLabel.setBuddy(self.again)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.username, self.displayName)
        QWidget.setTabOrder(self.displayName, self.password)
        QWidget.setTabOrder(self.password, self.again)

        self.retranslateUi(UserDialog)

        QMetaObject.connectSlotsByName(UserDialog)
    # setupUi

    def retranslateUi(self, UserDialog):
        self.usernameLabel.setText(QCoreApplication.translate("UserDialog", u"User name", None))
        self.displayNameLabel.setText(QCoreApplication.translate("UserDialog", u"Display name", None))
        self.rolesLabel.setText(QCoreApplication.translate("UserDialog", u"Roles", None))
        self.passwordLabel.setText(QCoreApplication.translate("UserDialog", u"Password", None))
        self.againLabel.setText(QCoreApplication.translate("UserDialog", u"Password again", None))
        pass
    # retranslateUi

