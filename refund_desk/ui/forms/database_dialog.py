# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'database_dialog.ui'
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
    QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QPushButton, QRadioButton, QSizePolicy,
    QVBoxLayout, QWidget)

class Ui_DatabaseDialog(object):
    def setupUi(self, DatabaseDialog):
        if not DatabaseDialog.objectName():
            DatabaseDialog.setObjectName(u"DatabaseDialog")
        DatabaseDialog.resize(600, 460)
        self.mainLayout = QVBoxLayout(DatabaseDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.intro = QLabel(DatabaseDialog)
        self.intro.setObjectName(u"intro")
        self.intro.setWordWrap(True)

        self.mainLayout.addWidget(self.intro)

        self.useLocal = QRadioButton(DatabaseDialog)
        self.useLocal.setObjectName(u"useLocal")
        self.useLocal.setChecked(True)

        self.mainLayout.addWidget(self.useLocal)

        self.localPath = QLabel(DatabaseDialog)
        self.localPath.setObjectName(u"localPath")
        self.localPath.setText(u"")
        self.localPath.setIndent(24)
        self.localPath.setWordWrap(True)
        self.localPath.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.localPath)

        self.openExisting = QRadioButton(DatabaseDialog)
        self.openExisting.setObjectName(u"openExisting")

        self.mainLayout.addWidget(self.openExisting)

        self.createNew = QRadioButton(DatabaseDialog)
        self.createNew.setObjectName(u"createNew")

        self.mainLayout.addWidget(self.createNew)

        self.pathRow = QHBoxLayout()
        self.pathRow.setObjectName(u"pathRow")
        self.pathLabel = QLabel(DatabaseDialog)
        self.pathLabel.setObjectName(u"pathLabel")

        self.pathRow.addWidget(self.pathLabel)

        self.path = QLineEdit(DatabaseDialog)
        self.path.setObjectName(u"path")

        self.pathRow.addWidget(self.path)

        self.browse = QPushButton(DatabaseDialog)
        self.browse.setObjectName(u"browse")

        self.pathRow.addWidget(self.browse)


        self.mainLayout.addLayout(self.pathRow)

        self.pathError = QLabel(DatabaseDialog)
        self.pathError.setObjectName(u"pathError")
        self.pathError.setStyleSheet(u"color: #b00020;")
        self.pathError.setText(u"")
        self.pathError.setWordWrap(True)

        self.mainLayout.addWidget(self.pathError)

        self.adminBox = QGroupBox(DatabaseDialog)
        self.adminBox.setObjectName(u"adminBox")
        self.adminFields = QFormLayout(self.adminBox)
        self.adminFields.setObjectName(u"adminFields")
        self.adminNameLabel = QLabel(self.adminBox)
        self.adminNameLabel.setObjectName(u"adminNameLabel")

        self.adminFields.setWidget(0, QFormLayout.ItemRole.LabelRole, self.adminNameLabel)

        self.adminName = QLineEdit(self.adminBox)
        self.adminName.setObjectName(u"adminName")

        self.adminFields.setWidget(0, QFormLayout.ItemRole.FieldRole, self.adminName)

        self.adminNameError = QLabel(self.adminBox)
        self.adminNameError.setObjectName(u"adminNameError")
        self.adminNameError.setStyleSheet(u"color: #b00020;")
        self.adminNameError.setText(u"")
        self.adminNameError.setWordWrap(True)

        self.adminFields.setWidget(1, QFormLayout.ItemRole.FieldRole, self.adminNameError)

        self.adminDisplayLabel = QLabel(self.adminBox)
        self.adminDisplayLabel.setObjectName(u"adminDisplayLabel")

        self.adminFields.setWidget(2, QFormLayout.ItemRole.LabelRole, self.adminDisplayLabel)

        self.adminDisplay = QLineEdit(self.adminBox)
        self.adminDisplay.setObjectName(u"adminDisplay")

        self.adminFields.setWidget(2, QFormLayout.ItemRole.FieldRole, self.adminDisplay)

        self.adminDisplayError = QLabel(self.adminBox)
        self.adminDisplayError.setObjectName(u"adminDisplayError")
        self.adminDisplayError.setStyleSheet(u"color: #b00020;")
        self.adminDisplayError.setText(u"")
        self.adminDisplayError.setWordWrap(True)

        self.adminFields.setWidget(3, QFormLayout.ItemRole.FieldRole, self.adminDisplayError)

        self.adminPasswordLabel = QLabel(self.adminBox)
        self.adminPasswordLabel.setObjectName(u"adminPasswordLabel")

        self.adminFields.setWidget(4, QFormLayout.ItemRole.LabelRole, self.adminPasswordLabel)

        self.adminPassword = QLineEdit(self.adminBox)
        self.adminPassword.setObjectName(u"adminPassword")
        self.adminPassword.setEchoMode(QLineEdit.EchoMode.Password)

        self.adminFields.setWidget(4, QFormLayout.ItemRole.FieldRole, self.adminPassword)

        self.adminPasswordError = QLabel(self.adminBox)
        self.adminPasswordError.setObjectName(u"adminPasswordError")
        self.adminPasswordError.setStyleSheet(u"color: #b00020;")
        self.adminPasswordError.setText(u"")
        self.adminPasswordError.setWordWrap(True)

        self.adminFields.setWidget(5, QFormLayout.ItemRole.FieldRole, self.adminPasswordError)

        self.adminAgainLabel = QLabel(self.adminBox)
        self.adminAgainLabel.setObjectName(u"adminAgainLabel")

        self.adminFields.setWidget(6, QFormLayout.ItemRole.LabelRole, self.adminAgainLabel)

        self.adminAgain = QLineEdit(self.adminBox)
        self.adminAgain.setObjectName(u"adminAgain")
        self.adminAgain.setEchoMode(QLineEdit.EchoMode.Password)

        self.adminFields.setWidget(6, QFormLayout.ItemRole.FieldRole, self.adminAgain)

        self.adminAgainError = QLabel(self.adminBox)
        self.adminAgainError.setObjectName(u"adminAgainError")
        self.adminAgainError.setStyleSheet(u"color: #b00020;")
        self.adminAgainError.setText(u"")
        self.adminAgainError.setWordWrap(True)

        self.adminFields.setWidget(7, QFormLayout.ItemRole.FieldRole, self.adminAgainError)


        self.mainLayout.addWidget(self.adminBox)

        self.status = QLabel(DatabaseDialog)
        self.status.setObjectName(u"status")
        self.status.setText(u"")
        self.status.setWordWrap(True)

        self.mainLayout.addWidget(self.status)

        self.buttons = QDialogButtonBox(DatabaseDialog)
        self.buttons.setObjectName(u"buttons")
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttons)

#if QT_CONFIG(shortcut)
        self.pathLabel.setBuddy(self.path)
        self.adminNameLabel.setBuddy(self.adminName)
        self.adminDisplayLabel.setBuddy(self.adminDisplay)
        self.adminPasswordLabel.setBuddy(self.adminPassword)
        self.adminAgainLabel.setBuddy(self.adminAgain)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.useLocal, self.openExisting)
        QWidget.setTabOrder(self.openExisting, self.createNew)
        QWidget.setTabOrder(self.createNew, self.path)
        QWidget.setTabOrder(self.path, self.browse)
        QWidget.setTabOrder(self.browse, self.adminName)
        QWidget.setTabOrder(self.adminName, self.adminDisplay)
        QWidget.setTabOrder(self.adminDisplay, self.adminPassword)
        QWidget.setTabOrder(self.adminPassword, self.adminAgain)

        self.retranslateUi(DatabaseDialog)

        QMetaObject.connectSlotsByName(DatabaseDialog)
    # setupUi

    def retranslateUi(self, DatabaseDialog):
        DatabaseDialog.setWindowTitle(QCoreApplication.translate("DatabaseDialog", u"Refund Desk \u2014 choose the database", None))
        self.intro.setText(QCoreApplication.translate("DatabaseDialog", u"Which refund database should this PC use? The choice is kept for next time.", None))
        self.useLocal.setText(QCoreApplication.translate("DatabaseDialog", u"Only this PC: the database in my local data folder", None))
        self.openExisting.setText(QCoreApplication.translate("DatabaseDialog", u"Open the office's database on the shared drive (or a PostgreSQL server)", None))
        self.createNew.setText(QCoreApplication.translate("DatabaseDialog", u"Create a new database on the shared drive", None))
        self.pathLabel.setText(QCoreApplication.translate("DatabaseDialog", u"Database file", None))
        self.browse.setText(QCoreApplication.translate("DatabaseDialog", u"Browse\u2026", None))
        self.adminBox.setTitle(QCoreApplication.translate("DatabaseDialog", u"First system administrator of the new database", None))
        self.adminNameLabel.setText(QCoreApplication.translate("DatabaseDialog", u"User name", None))
        self.adminDisplayLabel.setText(QCoreApplication.translate("DatabaseDialog", u"Full name", None))
        self.adminPasswordLabel.setText(QCoreApplication.translate("DatabaseDialog", u"Password", None))
        self.adminAgainLabel.setText(QCoreApplication.translate("DatabaseDialog", u"Password again", None))
    # retranslateUi

