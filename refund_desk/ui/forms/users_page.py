# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'users_page.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLabel, QPushButton, QSizePolicy, QSpacerItem,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_UsersPage(object):
    def setupUi(self, UsersPage):
        if not UsersPage.objectName():
            UsersPage.setObjectName(u"UsersPage")
        UsersPage.resize(1000, 600)
        self.mainLayout = QVBoxLayout(UsersPage)
        self.mainLayout.setObjectName(u"mainLayout")
        self.actions = QHBoxLayout()
        self.actions.setObjectName(u"actions")
        self.addButton = QPushButton(UsersPage)
        self.addButton.setObjectName(u"addButton")

        self.actions.addWidget(self.addButton)

        self.rolesButton = QPushButton(UsersPage)
        self.rolesButton.setObjectName(u"rolesButton")

        self.actions.addWidget(self.rolesButton)

        self.activeButton = QPushButton(UsersPage)
        self.activeButton.setObjectName(u"activeButton")

        self.actions.addWidget(self.activeButton)

        self.passwordButton = QPushButton(UsersPage)
        self.passwordButton.setObjectName(u"passwordButton")

        self.actions.addWidget(self.passwordButton)

        self.unlockButton = QPushButton(UsersPage)
        self.unlockButton.setObjectName(u"unlockButton")

        self.actions.addWidget(self.unlockButton)

        self.actionSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.actions.addItem(self.actionSpacer)

        self.refreshButton = QPushButton(UsersPage)
        self.refreshButton.setObjectName(u"refreshButton")

        self.actions.addWidget(self.refreshButton)


        self.mainLayout.addLayout(self.actions)

        self.notice = QLabel(UsersPage)
        self.notice.setObjectName(u"notice")
        self.notice.setText(u"")
        self.notice.setWordWrap(True)

        self.mainLayout.addWidget(self.notice)

        self.users = QTableWidget(UsersPage)
        self.users.setObjectName(u"users")
        self.users.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.users.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.users.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.users.setAlternatingRowColors(True)

        self.mainLayout.addWidget(self.users)

        self.alerts = QLabel(UsersPage)
        self.alerts.setObjectName(u"alerts")
        self.alerts.setStyleSheet(u"color: #b00020;")
        self.alerts.setText(u"")
        self.alerts.setWordWrap(True)

        self.mainLayout.addWidget(self.alerts)

        QWidget.setTabOrder(self.users, self.addButton)
        QWidget.setTabOrder(self.addButton, self.rolesButton)
        QWidget.setTabOrder(self.rolesButton, self.activeButton)
        QWidget.setTabOrder(self.activeButton, self.passwordButton)
        QWidget.setTabOrder(self.passwordButton, self.unlockButton)
        QWidget.setTabOrder(self.unlockButton, self.refreshButton)

        self.retranslateUi(UsersPage)

        QMetaObject.connectSlotsByName(UsersPage)
    # setupUi

    def retranslateUi(self, UsersPage):
        self.addButton.setText(QCoreApplication.translate("UsersPage", u"Add user\u2026", None))
        self.rolesButton.setText(QCoreApplication.translate("UsersPage", u"Change roles\u2026", None))
        self.activeButton.setText(QCoreApplication.translate("UsersPage", u"Disable", None))
        self.passwordButton.setText(QCoreApplication.translate("UsersPage", u"Reset password\u2026", None))
        self.unlockButton.setText(QCoreApplication.translate("UsersPage", u"Unlock", None))
        self.refreshButton.setText(QCoreApplication.translate("UsersPage", u"Refresh", None))
        pass
    # retranslateUi

