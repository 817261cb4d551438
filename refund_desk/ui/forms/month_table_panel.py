# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'month_table_panel.ui'
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
from PySide6.QtWidgets import (QApplication, QGroupBox, QHBoxLayout, QLabel,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_MonthTablePanel(object):
    def setupUi(self, MonthTablePanel):
        if not MonthTablePanel.objectName():
            MonthTablePanel.setObjectName(u"MonthTablePanel")
        MonthTablePanel.resize(1000, 300)
        MonthTablePanel.setTitle(u"")
        self.mainLayout = QVBoxLayout(MonthTablePanel)
        self.mainLayout.setObjectName(u"mainLayout")
        self.heads = QHBoxLayout()
        self.heads.setObjectName(u"heads")
        self.stateLabel = QLabel(MonthTablePanel)
        self.stateLabel.setObjectName(u"stateLabel")
        self.stateLabel.setText(u"")

        self.heads.addWidget(self.stateLabel)

        self.headsSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.heads.addItem(self.headsSpacer)

        self.dueLabel = QLabel(MonthTablePanel)
        self.dueLabel.setObjectName(u"dueLabel")
        self.dueLabel.setText(u"")

        self.heads.addWidget(self.dueLabel)


        self.mainLayout.addLayout(self.heads)

        self.viewLayout = QVBoxLayout()
        self.viewLayout.setObjectName(u"viewLayout")

        self.mainLayout.addLayout(self.viewLayout)


        self.retranslateUi(MonthTablePanel)

        QMetaObject.connectSlotsByName(MonthTablePanel)
    # setupUi

    def retranslateUi(self, MonthTablePanel):
        pass
    # retranslateUi

