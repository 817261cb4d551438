# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'report_view.ui'
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
from PySide6.QtWidgets import (QApplication, QFrame, QHBoxLayout, QLabel,
    QPushButton, QScrollArea, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_ReportView(object):
    def setupUi(self, ReportView):
        if not ReportView.objectName():
            ReportView.setObjectName(u"ReportView")
        ReportView.resize(1000, 500)
        self.mainLayout = QVBoxLayout(ReportView)
        self.mainLayout.setObjectName(u"mainLayout")
        self.mainLayout.setContentsMargins(0, 0, 0, 0)
        self.bar = QHBoxLayout()
        self.bar.setObjectName(u"bar")
        self.caption = QLabel(ReportView)
        self.caption.setObjectName(u"caption")
        self.caption.setText(u"")

        self.bar.addWidget(self.caption)

        self.params = QHBoxLayout()
        self.params.setObjectName(u"params")

        self.bar.addLayout(self.params)

        self.runButton = QPushButton(ReportView)
        self.runButton.setObjectName(u"runButton")

        self.bar.addWidget(self.runButton)

        self.barSpacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bar.addItem(self.barSpacer)

        self.xlsxButton = QPushButton(ReportView)
        self.xlsxButton.setObjectName(u"xlsxButton")

        self.bar.addWidget(self.xlsxButton)

        self.pdfButton = QPushButton(ReportView)
        self.pdfButton.setObjectName(u"pdfButton")

        self.bar.addWidget(self.pdfButton)

        self.previewButton = QPushButton(ReportView)
        self.previewButton.setObjectName(u"previewButton")

        self.bar.addWidget(self.previewButton)

        self.printButton = QPushButton(ReportView)
        self.printButton.setObjectName(u"printButton")

        self.bar.addWidget(self.printButton)


        self.mainLayout.addLayout(self.bar)

        self.headline = QLabel(ReportView)
        self.headline.setObjectName(u"headline")
        self.headline.setText(u"")
        self.headline.setWordWrap(True)
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.headline)

        self.scroll = QScrollArea(ReportView)
        self.scroll.setObjectName(u"scroll")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        sizePolicy.setHorizontalStretch(0)
        sizePolicy.setVerticalStretch(1)
        sizePolicy.setHeightForWidth(self.scroll.sizePolicy().hasHeightForWidth())
        self.scroll.setSizePolicy(sizePolicy)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidgetResizable(True)
        self.body = QWidget()
        self.body.setObjectName(u"body")
        self.bodyLayout = QVBoxLayout(self.body)
        self.bodyLayout.setObjectName(u"bodyLayout")
        self.bodyLayout.setContentsMargins(0, 0, 0, 0)
        self.scroll.setWidget(self.body)

        self.mainLayout.addWidget(self.scroll)

        self.notes = QLabel(ReportView)
        self.notes.setObjectName(u"notes")
        self.notes.setText(u"")
        self.notes.setWordWrap(True)
        self.notes.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.notes)

        QWidget.setTabOrder(self.runButton, self.xlsxButton)
        QWidget.setTabOrder(self.xlsxButton, self.pdfButton)
        QWidget.setTabOrder(self.pdfButton, self.previewButton)
        QWidget.setTabOrder(self.previewButton, self.printButton)

        self.retranslateUi(ReportView)

        QMetaObject.connectSlotsByName(ReportView)
    # setupUi

    def retranslateUi(self, ReportView):
        self.runButton.setText(QCoreApplication.translate("ReportView", u"Analyse", None))
        self.xlsxButton.setText(QCoreApplication.translate("ReportView", u"Export Excel\u2026", None))
        self.pdfButton.setText(QCoreApplication.translate("ReportView", u"Export PDF\u2026", None))
        self.previewButton.setText(QCoreApplication.translate("ReportView", u"Print preview", None))
        self.printButton.setText(QCoreApplication.translate("ReportView", u"Print\u2026", None))
        pass
    # retranslateUi

