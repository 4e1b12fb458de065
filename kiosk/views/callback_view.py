"""The "Ask us to call you" form, its on-screen keyboard, and the thank-you page after it.

One column of big fields (no wider than a comfortable reach on a landscape screen), each label
saying whether the field is required or optional, and a line on who sees the request and how
long it is kept. A problem shows as a red edge on the field and, under it, an icon and words
saying what we need and why; shown when a field is left and on sending. The keyboard docks at
the bottom and the page scrolls so the field being typed in, and its label, are never under it
or the top bar. The view checks the form with kiosk.core.callback_form and reports a clean request;
the shell saves it and then says how it went (kiosk.views.thanks_view thanks the patient).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QHideEvent, QIcon, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.core.callback_form import (
    DAYS,
    NAME_MAX,
    NOTE_MAX,
    PERIODS,
    CallbackForm,
    format_as_typed,
    validate,
)
from kiosk.views import accessible
from kiosk.views.buttons import WrappingButton, WrappingCheckBox
from kiosk.views.deferred import WordsWhenShown
from kiosk.views.form_fields import FormField
from kiosk.views.icons import IconSet, icon_size
from kiosk.views.keyboard_view import KeyboardView
from kiosk.views.labels import plain_label
from kiosk.views.look import LookController
from kiosk.views.scrolling import make_flickable, vertical_scroll
from kiosk.views.thanks_view import BACK_AFTER_SECONDS, SavedCall, ThanksPage
from kiosk.views.words import day_abbreviations, day_names, language_name, period_names

CONSENT_VERSION = "2026-11-26"
# A save slower than this (a worn SD card, another program's lock) says it is still going.
SLOW_SAVE_MS = 3000
# What must be answered, and what may be left out: every field says which it is.
REQUIRED = frozenset({"first_name", "last_name", "phone", "when", "language", "consent"})
# The form's widest at normal text, and how much wider it may grow per step of text size:
# past this a landscape screen's fields became 1,850 px bars, too far to read across.
FORM_WIDTH_PX, FORM_WIDTH_PER_STEP_PX = 1000, 4
# Below this height at the normal text size (a 1280x800 screen; 1920x1080 at 200 %) the
# keyboard's keys are shorter, leaving room above them for the field being typed in, its label
# and what is wrong with it.
SHORT_SCREEN_PX = 760


class CallbackView(WordsWhenShown, QWidget):
    """The form and its confirmation. Reports `submitted(request, consent_text)`."""

    submitted = Signal(object, str)
    home_requested = Signal()
    thanked = Signal()  # the thank-you page shows: the form behind it was sent and wiped

    def __init__(
        self,
        look: LookController,
        icons: IconSet | None = None,
        parent: QWidget | None = None,
        *,
        languages: Sequence[str] = ("en", "es"),
        retention_days: int = 30,
        promises: Mapping[str, str] | None = None,
        clinic_phone: str = "",
        back_after_seconds: int = BACK_AFTER_SECONDS,
    ) -> None:
        super().__init__(parent)
        self._look = look
        self._icons = icons
        self._retention_days = retention_days
        self._topic = ""
        self._topic_title = ""
        # The fields a patient types into, by the names validation uses, in form order.
        self._text_fields = self._make_text_fields()
        self.first_name = self._text_fields["first_name"]
        self.last_name = self._text_fields["last_name"]
        self.phone = self._text_fields["phone"]
        self.note = self._text_fields["note"]
        self.day_buttons = {day: self._toggle() for day in DAYS}
        self.period_buttons = {period: self._toggle() for period in PERIODS}
        self.topic_button = self._toggle()
        # The configuration's languages, the first being the kiosk's default.
        self.language_buttons = {lang: self._toggle() for lang in languages}
        for button in self.language_buttons.values():
            button.setAutoExclusive(True)
            button.clicked.connect(self._on_language_chosen)
        # 64 px box (style.qss) and 24 px between it and the words.
        self.consent = WrappingCheckBox(indent=88)
        self.consent.setProperty("role", "consent")
        self.consent.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.send_button = WrappingButton(role="action")
        self.send_button.clicked.connect(self._on_send_clicked)
        self.status_label = self._status_label()
        # Each question, by the names validation uses: label, tag, inputs and problem.
        self.fields: dict[str, FormField] = {}
        # What is shown, as codes, so a language change can say it again in the new language.
        self._error_codes: dict[str, str] = {}
        self._save_failed = False
        self._language_chosen = False  # the patient touched "Language for the call"
        # Which patient's visit this is: a save that ends after a wipe belongs to nobody here.
        # Sending: the request is on its way to the disk (kiosk.background); Send waits.
        self.visit, self.sending, self._slow = 0, False, self._slow_save_timer()

        self.keyboard = KeyboardView(look)
        self.keyboard.done_pressed.connect(self._on_keyboard_done)
        self.keyboard.hide()
        self.thanks = ThanksPage(
            look,
            icons,
            promises=promises or {},
            clinic_phone=clinic_phone,
            back_after_seconds=back_after_seconds,
        )
        self._name_thanks_parts()
        self.pages = QStackedWidget()
        self.pages.addWidget(self._build_form())
        self.pages.addWidget(self.thanks)
        # Their parts, by field: the label, the "Required" or "Optional" tag, what is wrong.
        self.labels = {key: field.label for key, field in self.fields.items()}
        self.tags = {key: field.tag for key, field in self.fields.items()}
        self.errors = {key: field.error for key, field in self.fields.items()}
        self.error_icons = {key: field.error_icon for key, field in self.fields.items()}
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.pages, 1)
        column.addWidget(self.keyboard)
        self._listen(look)
        self._draw_icons()
        self._retranslate()
        self.wipe()

    def _listen(self, look: LookController) -> None:
        """Follow the focus (the keyboard, checks on leaving a field) and the look."""
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)
        for field in self._text_fields.values():
            field.installEventFilter(self)
        look.changed.connect(self.look_changed)

    # -- building ------------------------------------------------------------------------------

    def _status_label(self) -> QLabel:
        """Under the form, what went wrong with sending it (hidden until something did)."""
        label = plain_label()
        label.setProperty("role", "error")
        label.setWordWrap(True)
        label.hide()
        return label

    def _make_text_fields(self) -> dict[str, QLineEdit]:
        phone = self._line_edit(40)
        phone.setInputMethodHints(Qt.InputMethodHint.ImhDialableCharactersOnly)
        phone.textEdited.connect(self._on_phone_edited)
        return {
            "first_name": self._line_edit(NAME_MAX),
            "last_name": self._line_edit(NAME_MAX),
            "phone": phone,
            "note": self._line_edit(NOTE_MAX),
        }

    def _line_edit(self, limit: int) -> QLineEdit:
        field = QLineEdit()
        field.setMaxLength(limit)
        field.setProperty("role", "field")
        field.setClearButtonEnabled(False)
        # A kiosk never shows the desktop's context menu.
        field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        return field

    def _toggle(self) -> QPushButton:
        button = QPushButton()
        button.setCheckable(True)
        button.setProperty("role", "choice")
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        # Chosen shows a tick as well as the fill: never colour alone.
        button.toggled.connect(lambda _checked, b=button: self._mark(b))
        return button

    def _choices(self) -> list[QPushButton]:
        return [
            *self.day_buttons.values(),
            *self.period_buttons.values(),
            self.topic_button,
            *self.language_buttons.values(),
        ]

    def _mark(self, button: QPushButton) -> None:
        if self._icons is None or not button.isChecked():
            button.setIcon(QIcon())
            return
        side = max(24, icon_size(self._look.look.text_size).width() * 3 // 5)
        button.setIconSize(QSize(side, side))
        button.setIcon(self._icons.icon("check", self._look.look.palette.accent_text, side))

    def take_look(self) -> None:
        """Hidden, it takes a new look when shown or caught up (WordsWhenShown)."""
        for button in self._choices():
            self._mark(button)
        self._draw_icons()
        self._fit_width(self.width())
        self._fit_keyboard(self.height())

    def _draw_icons(self) -> None:
        if self._icons is None:
            return
        palette = self._look.look.palette
        side = icon_size(self._look.look.text_size).width() * 3 // 4
        for field in self.fields.values():
            field.set_icon(self._icons.pixmap("error", palette.urgent, side))
        self.privacy_icon.setPixmap(self._icons.pixmap("lock", palette.muted_text, side))
        self.privacy_icon.setFixedSize(side, side)

    def _field(self, column: QVBoxLayout, key: str, *widgets: QWidget) -> None:
        field = FormField(widgets, required=key in REQUIRED)
        field.add_to(column)
        self.fields[key] = field

    def _build_form(self) -> QWidget:
        page = QWidget()
        page.setProperty("role", "page")
        column = QVBoxLayout(page)
        column.setContentsMargins(48, 28, 48, 48)
        column.setSpacing(8)
        self._form_column = column
        self.form_title = plain_label()
        self.form_title.setProperty("role", "display")
        self.form_title.setWordWrap(True)
        self.form_lead = plain_label()
        self.form_lead.setProperty("role", "lead")
        self.form_lead.setWordWrap(True)
        column.addWidget(self.form_title)
        column.addWidget(self.form_lead)
        column.addWidget(self._privacy_row())
        column.addSpacing(12)
        self._field(column, "first_name", self.first_name)
        self._field(column, "last_name", self.last_name)
        self._field(column, "phone", self.phone)
        self._field(column, "days", *self.day_buttons.values())
        self._field(column, "when", *self.period_buttons.values())
        self._field(column, "topic", self.topic_button)
        self._field(column, "note", self.note)
        self._field(column, "language", *self.language_buttons.values())
        self._field(column, "consent", self.consent)
        column.addWidget(self.status_label)
        column.addWidget(self.send_button)
        column.addStretch(1)
        self._scroll = vertical_scroll(page)
        make_flickable(self._scroll)
        # A field's height: the scroll bar's own minimum (taller) would make the window taller
        # than a 1280x800 screen at 200 % text with the keyboard up.
        self._scroll.setMinimumHeight(96)
        return self._scroll

    def _name_thanks_parts(self) -> None:
        self.thanks.home_requested.connect(self._on_thanks_done)
        # The names the rest of the kiosk (and its tests) know the thank-you page's parts by.
        self.reference_label = self.thanks.reference_label
        self.next_label = self.thanks.summary_label
        self.home_button = self.thanks.home_button

    def _privacy_row(self) -> QWidget:
        """A lock and who sees the request and for how long, before anything is typed."""
        row = QWidget()
        row.setProperty("role", "privacy")
        line = QHBoxLayout(row)
        line.setContentsMargins(0, 8, 0, 0)
        line.setSpacing(14)
        self.privacy_icon = plain_label()
        self.privacy_icon.setProperty("role", "privacy-icon")
        self.privacy_label = plain_label()
        self.privacy_label.setProperty("role", "privacy")
        self.privacy_label.setWordWrap(True)
        line.addWidget(self.privacy_icon, 0, Qt.AlignmentFlag.AlignTop)
        line.addWidget(self.privacy_label, 1)
        return row

    # -- what the shell tells it ---------------------------------------------------------------

    def start(self, topic: str, topic_title: str, language: str) -> None:
        """A fresh form about `topic` ("topic:surgery", "spine:lumbar" or ""), in `language`."""
        self.wipe()
        self._topic, self._topic_title = topic, topic_title
        self.topic_button.setVisible(bool(topic))
        self.fields["topic"].heading.setVisible(bool(topic))
        self.topic_button.setChecked(bool(topic))
        self.topic_button.setText(topic_title)
        self.set_language(language)

    def set_language(self, language: str) -> None:
        """The kiosk now speaks `language`: the call will be in it too, unless the patient
        already chose the call's language themselves."""
        if not self._language_chosen and language in self.language_buttons:
            self.language_buttons[language].setChecked(True)

    def _on_language_chosen(self) -> None:
        self._language_chosen = True

    def _slow_save_timer(self) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(SLOW_SAVE_MS)
        timer.timeout.connect(self._say_send_button)
        return timer

    def show_sending(self) -> int:
        """The request is being saved: Send says so and takes no second tap. Returns the visit
        the save belongs to."""
        self.sending = True
        self.send_button.setEnabled(False)
        self._slow.start()
        self._say_send_button()
        return self.visit

    def _stop_sending(self) -> None:
        self.sending = False
        self._slow.stop()
        self.send_button.setEnabled(True)
        self._say_send_button()

    def _say_send_button(self) -> None:
        if not self.sending:
            text = self.tr("Send my request")
        elif self._slow.isActive():
            text = self.tr("Sending...")
        else:  # a slow disk: say it is still working, so nobody walks away thinking it failed
            text = self.tr("Still sending, please wait...")
        self.send_button.set_text(text)

    @property
    def thanking(self) -> bool:
        """Whether the thank-you page shows: the form behind it was sent and is gone."""
        return self.pages.currentWidget() is self.thanks

    def show_saved(
        self,
        reference: str,
        phone: str,
        periods: tuple[str, ...],
        *,
        days: tuple[str, ...] = (),
        language: str | None = None,
    ) -> None:
        """The request is on disk: wipe what the patient typed, and thank them, saying back
        the call they asked for (`language` the call's; by default the one chosen on the
        form)."""
        call_language = language or self.form().language
        self.wipe()
        self.pages.setCurrentWidget(self.thanks)
        self.thanks.show_call(SavedCall(reference, phone, days, periods, call_language))
        self.thanked.emit()

    def _on_thanks_done(self) -> None:
        self.home_requested.emit()
        self.wipe()  # already home: the page with the phone number and code is forgotten

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        # Left by any way (Home, the staff gesture, a reset): nothing of it stays behind.
        if self.thanking and not event.spontaneous():
            self.wipe()

    def show_save_failed(self) -> None:
        """Saving failed: keep everything as typed and say so kindly."""
        self._stop_sending()
        self._save_failed = True
        self._say_save_failed()
        self.status_label.show()
        self._show_whole(self.status_label)

    def _say_save_failed(self) -> None:
        self.status_label.setText(
            self.tr(
                "We couldn't save your request. Please tell the front desk."
                " Nothing you typed is lost."
            )
        )

    def wipe(self) -> None:
        """Forget everything a patient typed, chose or was told: fields, choices, errors, the
        keyboard, and the thank-you page's reference code and phone number."""
        for field in self._text_fields.values():
            field.setText("")  # unlike clear(), leaves nothing for undo to bring back
        for button in (
            *self.day_buttons.values(),
            *self.period_buttons.values(),
            self.topic_button,
        ):
            button.setChecked(False)
        self.consent.setChecked(False)
        for key, question in self.fields.items():
            question.show_problem("")
            self._describe(key)
        self._error_codes.clear()
        self._save_failed = False
        self.thanks.clear()
        self._language_chosen = False
        self.status_label.hide()
        self.visit += 1
        self._stop_sending()
        self.keyboard.reset()
        self.keyboard.hide()
        self.pages.setCurrentIndex(0)
        self._scroll.verticalScrollBar().setValue(0)

    # -- checking ------------------------------------------------------------------------------

    def has_content(self) -> bool:
        """Whether the patient typed or chose anything (the thank-you page counts as none)."""
        if self.pages.currentIndex() != 0:
            return False
        form = self.form()
        return bool(
            form.first_name
            or form.last_name
            or form.phone
            or form.note
            or form.periods
            or form.days
            or form.consent
        )

    def form(self) -> CallbackForm:
        return CallbackForm(
            first_name=self.first_name.text(),
            last_name=self.last_name.text(),
            phone=self.phone.text(),
            days=tuple(d for d, b in self.day_buttons.items() if b.isChecked()),
            periods=tuple(p for p, b in self.period_buttons.items() if b.isChecked()),
            topic=self._topic if self.topic_button.isChecked() else "",
            note=self.note.text(),
            language=next(
                (k for k, b in self.language_buttons.items() if b.isChecked()),
                next(iter(self.language_buttons)),
            ),
            consent=self.consent.isChecked(),
        )

    def _show_errors(self, errors: dict[str, str], only: set[str] | None = None) -> None:
        for key, field in self.fields.items():
            if only is not None and key not in only:
                continue
            code = errors.get(key)
            if code:
                self._error_codes[key] = code
            else:
                self._error_codes.pop(key, None)
            field.show_problem(self._message(key, code) if code else "")
            self._describe(key)

    def _groups(self) -> dict[str, QWidget]:
        """The questions answered by choosing (their buttons' group, for a screen reader)."""
        return {key: field.body for key, field in self.fields.items() if field.grouped}

    def _describe(self, key: str) -> None:
        """A screen reader says a field's error when the field, or a choice of its group,
        gets the focus."""
        problem = self.errors[key].text()
        inputs = {**self._text_fields, "consent": self.consent}
        field = self.fields[key]
        described = [inputs[key]] if key in inputs else [*field.marks, field.body]
        for widget in described:
            widget.setAccessibleDescription(problem)

    def _on_send_clicked(self) -> None:
        if self.sending:
            return  # one request per tap, however impatient the finger
        request, errors = validate(self.form())
        self._show_errors(errors)
        self.status_label.hide()
        self._save_failed = False
        if request is None:
            first = next(iter(errors))
            target = {
                **self._text_fields,
                "consent": self.consent,
                "when": next(iter(self.period_buttons.values())),
            }[first]
            target.setFocus()
            self._reveal(first)
            # Said at once, before the field it is about (which says it again as its
            # description): nothing was sent.
            accessible.announce(self, self.errors[first].text(), assertive=True)
            return
        self.submitted.emit(request, self.consent.wording())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            # Check a field once the patient leaves it, not while they type.
            key = self._key_of(watched)
            if key is not None and getattr(watched, "text", lambda: "")():
                self._show_errors(validate(self.form())[1], {key})
        return False

    def _on_phone_edited(self, text: str) -> None:
        shown = format_as_typed(text)
        if shown != text:
            self.phone.setText(shown)

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is not None and self._key_of(new) is not None:
            self.keyboard.follow_focus(new)
            if new in (self.first_name, self.last_name) and not new.text():
                self.keyboard.set_shift(True)
            self.keyboard.show()
            # Once the keyboard has taken its room (the layout runs next), bring the field,
            # and what is wrong with it if anything, into view above it. (Tied to this view:
            # a form thrown away meanwhile, at an idle reset, scrolls nothing.)
            QTimer.singleShot(0, self, lambda field=new: self._bring_into_view(field))
        elif new is None or not self.isAncestorOf(new):
            self.keyboard.hide()

    def _key_of(self, widget: QObject | None) -> str | None:
        """The name of the text field `widget` is, or None."""
        return next((key for key, field in self._text_fields.items() if field is widget), None)

    def _bring_into_view(self, field: QWidget) -> None:
        key = self._key_of(field)
        if key is not None:
            self._reveal(key)

    def _reveal(self, key: str) -> None:
        """Scroll so a field shows whole with its label, and its problem if there is room.

        When it is not all in view, the page scrolls to put the label at the top: the cut at the
        top edge then falls in the gap above the label, never through a word or a field. Where
        even the label and the field do not fit over the keyboard, the field comes first.
        """
        page = self._scroll.widget()
        if page is None:
            return
        bar = self._scroll.verticalScrollBar()
        room = self._scroll.viewport().height()
        label_top, field_top, field_bottom, bottom = self.fields[key].span(page)
        gap = 8
        start = label_top - gap
        if field_bottom - start > room:
            # Not even the label fits: the field alone, whole, and what shows above it no more
            # than the gap between it and its label.
            start = max(field_top - gap, field_bottom - room)
        if start < bar.value() or bottom > bar.value() + room:
            bar.setValue(start)

    def _show_whole(self, widget: QWidget) -> None:
        """Scroll so all of `widget` shows. (ensureWidgetVisible() would settle for a line
        edit's text cursor, leaving the bottom of the box under the keyboard.)"""
        page = self._scroll.widget()
        if page is None:
            return
        centre = widget.mapTo(page, widget.rect().center())
        self._scroll.ensureVisible(centre.x(), centre.y(), 40, widget.height() // 2 + 24)

    def _on_keyboard_done(self) -> None:
        order = list(self._text_fields.values())
        current = QApplication.focusWidget()
        if current in order[:-1]:
            order[order.index(current) + 1].setFocus()
        else:
            self.keyboard.hide()
            self.setFocus()

    # -- words ---------------------------------------------------------------------------------

    def _message(self, key: str, code: str) -> str:
        if code == "required":
            # What we need and why, for each field: not a bare "required".
            needed = {
                "first_name": self.tr("We need your first name to know who to ask for."),
                "last_name": self.tr("We need your last name to find your records."),
                "phone": self.tr("We need your phone number to call you."),
            }
            return needed.get(key, self.tr("Please fill this in."))
        messages = {
            "too_long": self.tr("This is too long. Please make it shorter."),
            "not_a_name": self.tr("Please use letters only."),
            "phone_invalid": self.tr("This is not a full US phone number. Please check it."),
            "phone_incomplete": self.tr(
                "This phone number is too short. Please add the area code."
            ),
            "phone_not_us": self.tr("Please give a US phone number."),
            "when_required": self.tr(
                "Please choose morning, afternoon or evening, so we call when it suits you."
            ),
            "consent_required": self.tr("We can only call you if you tick this box."),
        }
        return messages.get(code, self.tr("Please check this."))

    def _retranslate(self) -> None:
        self.form_title.setText(self.tr("Ask us to call you"))
        self.form_lead.setText(self.tr("Fill in the form and we will call you back."))
        self.privacy_label.setText(
            self.tr(
                "Only the clinic's staff see what you send. We delete it %n day(s) after we"
                " have taken care of your request.",
                "",
                self._retention_days,
            )
        )
        texts = {
            "first_name": self.tr("First name"),
            "last_name": self.tr("Last name"),
            "phone": self.tr("Phone number"),
            "days": self.tr("Best days to call"),
            "when": self.tr("Best time to call"),
            "topic": self.tr("What it is about"),
            "note": self.tr("Anything else?"),
            "language": self.tr("Language for the call"),
            "consent": self.tr("Permission"),
        }
        required, optional = self.tr("Required"), self.tr("Optional")
        for key, text in texts.items():
            self.fields[key].set_words(text, required if key in REQUIRED else optional)
        for key, field in (*self._text_fields.items(), *self._groups().items()):
            # Said as "First name, required" by a screen reader.
            field.setAccessibleName(
                self.tr("{field}, {tag}").format(
                    field=texts[key], tag=(required if key in REQUIRED else optional).lower()
                )
            )
        short, whole = day_abbreviations(), day_names()
        for day, button in self.day_buttons.items():
            button.setText(short[day])
            button.setAccessibleName(whole[day])  # screen readers say the whole day, not "Mon"
        for period, text in period_names().items():
            self.period_buttons[period].setText(text.capitalize())
            self.period_buttons[period].setAccessibleName(text.capitalize())
        for code, button in self.language_buttons.items():
            button.setText(language_name(code))
        self.consent.set_wording(
            self.tr("Yes, the clinic may call me at this number about my request.")
        )
        self._say_send_button()
        for key, code in self._error_codes.items():
            self.errors[key].setText(self._message(key, code))
            self._describe(key)
        if self._save_failed:
            self._say_save_failed()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    # -- fitting the screen ----------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_width(event.size().width())
        self._fit_keyboard(event.size().height())

    def _fit_keyboard(self, height: int) -> None:
        """Shorter keys where the screen is short for the text size: large text needs more
        room above the keys, whose own words grow only half as much."""
        growth = 100 + (self._look.look.text_size - 100) // 2
        self.keyboard.set_compact(height * 100 // growth < SHORT_SCREEN_PX)

    def _fit_width(self, width: int) -> None:
        """Keep the form a comfortable width, centred, however wide the screen."""
        widest = FORM_WIDTH_PX + FORM_WIDTH_PER_STEP_PX * (self._look.look.text_size - 100)
        side = max(48, (width - widest) // 2)
        self._form_column.setContentsMargins(side, 28, side, 48)
