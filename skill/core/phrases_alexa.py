"""Words for what only Alexa offers (reminders, Echo Show screens) and per-market wording.

Pure data, like phrases.py (split from it to keep each file readable): every sentence the coach
says for these features is here, in our own words.
"""

# ---------------------------------------------------------------- reminders

REMINDER_WHEN = (
    "What time should I remind you? For example, say: remind me to stretch every weekday at "
    "seven thirty."
)
REMINDER_CONFIRM = "Shall I remind you to stretch {days} at {time}?"
REMINDER_CONFIRM_REPROMPT = "Say yes to set the reminder, or no to leave it."
REMINDER_DAYS = {
    "every_day": "every day",
    "weekdays": "every weekday",
    "weekends": "at weekends",
}
REMINDER_TEXT = "Time for your back stretches. Say: open back stretch coach."
REMINDER_SET = "Done. I'll remind you to stretch {days} at {time}."
REMINDER_NOT_SET = "Okay, I won't set a reminder."
REMINDER_NEEDS_PERMISSION = (
    "To set reminders I need your permission. I've sent a card to your Alexa app where you can "
    "allow it. Then ask me again."
)
REMINDER_UNAUTHORIZED = (
    "Alexa didn't let me manage your reminders just now, so nothing was changed. Please check "
    "this skill's reminder permission in the Alexa app, then try again."
)
REMINDER_THROTTLED = (
    "The reminders service is busy right now, so nothing was changed. Please try again in a minute."
)
REMINDER_SERVER_ERROR = (
    "The reminders service had a problem on its side, so nothing was changed. Please try again "
    "later."
)
REMINDER_TIMEOUT = (
    "The reminders service didn't answer in time, so I can't tell whether that worked. To "
    "check, ask me: what reminders do I have?"
)
REMINDER_UNSUPPORTED = (
    "Reminders need Alexa: I can set them when you use me on an Echo or in the Alexa app. "
    "Until then, try a short desk break about every thirty minutes when you're sitting for long."
)
REMINDERS_NONE = "You don't have any stretch reminders."
REMINDERS_LISTED = "You have {count} stretch {reminders}: {times}."
REMINDERS_CANCELLED = "Done. I've cancelled {count} stretch {reminders}."
REMINDERS_PARTLY_CANCELLED = (
    "I cancelled {count} stretch {reminders}, then the reminders service stopped answering, so "
    "some may still be set. Ask me again to cancel the rest."
)
REMINDER_AT = "at {time}"
TIME_OCLOCK = "{hour} o'clock"
TIME_MORNING = "in the morning"
TIME_EVENING = "in the evening"
TIME_NOON = "noon"
TIME_MIDNIGHT = "midnight"

# ---------------------------------------------------------------- screens

SCREEN_ROUTINES = "Routines"
SCREEN_PROGRESS = "Your progress"
SCREEN_SESSIONS = "{total} finished, {recent} in the last seven days"
SCREEN_STEP = "Exercise {number} of {total}"
SCREEN_TOUCH_HINT = "Touch a routine, or say its name"
SCREEN_MINUTES = "{minutes} min"
SCREEN_GET_READY = "Get ready"
SCREEN_RELEASE = "Release"

# ---------------------------------------------------------------- English markets

# The number said in every emergency answer, by the request's locale.
EMERGENCY_NUMBERS = {
    "en-US": "nine one one",
    "en-CA": "nine one one",
    "en-GB": "nine nine nine",
    "en-AU": "triple zero",
    "en-IN": "one one two",
}
LOCAL_EMERGENCY = "call your local emergency number"
CALL_NUMBER = "call {number}"
# Wording that differs by market (phrase in the en-US text -> the locale's own).
LOCALE_WORDING = {
    "en-GB": {
        "an emergency department": "A&E",
        "your doctor or a physiotherapist": "your GP or a physio",
        "a doctor or physiotherapist": "your GP or a physio",
        "contact your doctor or an urgent care service": "contact your GP or call one one one",
        "see a doctor": "see your GP",
    },
    "en-AU": {
        "your doctor or a physiotherapist": "your GP or a physio",
        "a doctor or physiotherapist": "your GP or a physio",
        "see a doctor": "see your GP",
    },
    "en-IN": {"an emergency department": "a hospital emergency department"},
}
