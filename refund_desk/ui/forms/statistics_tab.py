# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'statistics_tab.ui'
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
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QProgressBar,
    QPushButton, QSizePolicy, QSplitter, QTabWidget,
    QVBoxLayout, QWidget)

from ..statistics.month_edit import MonthEdit

class Ui_StatisticsTab(object):
    def setupUi(self, StatisticsTab):
        if not StatisticsTab.objectName():
            StatisticsTab.setObjectName(u"StatisticsTab")
        StatisticsTab.resize(1200, 760)
        self.mainLayout = QVBoxLayout(StatisticsTab)
        self.mainLayout.setObjectName(u"mainLayout")
        self.topBar = QHBoxLayout()
        self.topBar.setObjectName(u"topBar")
        self.monthLabel = QLabel(StatisticsTab)
        self.monthLabel.setObjectName(u"monthLabel")

        self.topBar.addWidget(self.monthLabel)

        self.monthEdit = MonthEdit(StatisticsTab)
        self.monthEdit.setObjectName(u"monthEdit")
        self.monthEdit.setDisplayFormat(u"yyyy-MM")
        self.monthEdit.setCalendarPopup(False)

        self.topBar.addWidget(self.monthEdit)

        self.refreshButton = QPushButton(StatisticsTab)
        self.refreshButton.setObjectName(u"refreshButton")

        self.topBar.addWidget(self.refreshButton)

        self.progress = QProgressBar(StatisticsTab)
        self.progress.setObjectName(u"progress")
        self.progress.setMaximumSize(QSize(160, 16777215))
        self.progress.setMinimum(0)
        self.progress.setMaximum(0)
        self.progress.setTextVisible(False)

        self.topBar.addWidget(self.progress)

        self.status = QLabel(StatisticsTab)
        self.status.setObjectName(u"status")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.status.sizePolicy().hasHeightForWidth())
        self.status.setSizePolicy(sizePolicy)
        self.status.setText(u"")

        self.topBar.addWidget(self.status)


        self.mainLayout.addLayout(self.topBar)

        self.message = QLabel(StatisticsTab)
        self.message.setObjectName(u"message")
        self.message.setStyleSheet(u"color: #c62828;")
        self.message.setText(u"")
        self.message.setWordWrap(True)

        self.mainLayout.addWidget(self.message)

        self.pages = QTabWidget(StatisticsTab)
        self.pages.setObjectName(u"pages")
        self.monthPage = QWidget()
        self.monthPage.setObjectName(u"monthPage")
        self.monthLayout = QVBoxLayout(self.monthPage)
        self.monthLayout.setObjectName(u"monthLayout")
        self.monthSplitter = QSplitter(self.monthPage)
        self.monthSplitter.setObjectName(u"monthSplitter")
        self.monthSplitter.setOrientation(Qt.Orientation.Vertical)
        self.monthSplitter.setChildrenCollapsible(False)

        self.monthLayout.addWidget(self.monthSplitter)

        self.pages.addTab(self.monthPage, "")

        self.mainLayout.addWidget(self.pages)

#if QT_CONFIG(shortcut)
        self.monthLabel.setBuddy(self.monthEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.monthEdit, self.refreshButton)
        QWidget.setTabOrder(self.refreshButton, self.pages)

        self.retranslateUi(StatisticsTab)

        self.pages.setCurrentIndex(0)


        QMetaObject.connectSlotsByName(StatisticsTab)
    # setupUi

    def retranslateUi(self, StatisticsTab):
        self.monthLabel.setText(QCoreApplication.translate("StatisticsTab", u"Month:", None))
        self.refreshButton.setText(QCoreApplication.translate("StatisticsTab", u"Refresh", None))
        self.pages.setTabText(self.pages.indexOf(self.monthPage), QCoreApplication.translate("StatisticsTab", u"Monthly tables", None))
        pass
    # retranslateUi

