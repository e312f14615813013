"""Everything the coach says outside the routine content, in one place.

Written for the ear: short sentences, one idea each, and every prompt ends by telling the user
what they can say next. Placeholders are filled with str.format.
"""

TITLE = "Back Stretch Coach"

DISCLAIMER = (
    "Before we start: I'm a stretching guide, not a substitute for professional medical advice, "
    "so stop any movement that hurts."
)
WELCOME_FIRST = (
    "Welcome to Back Stretch Coach. I'll talk you through gentle back stretches one step at a "
    "time, and count the holds for you."
)
WELCOME_BACK = (
    "Welcome back. Which routine would you like today? Say list routines to hear them all."
)
WELCOME_RESUME = (
    "Welcome back. Last time you stopped part way through the {routine}, at {exercise}. "
    "Would you like to pick up where you left off?"
)
ROUTINE_NAMES = "I have {count} routines: the {names}."
ROUTINES_INTRO = "I have {count} routines."
ROUTINE_LINE = "{name}: {summary}, about {length}."
WHICH_ROUTINE = "Which one would you like?"
WHICH_ROUTINE_Q = "Which routine would you like?"
WHICH_ROUTINE_EXAMPLE = "Which would you like? For example, say: start the lower back routine."
UNKNOWN_ROUTINE = "I don't have a routine called {heard}."
LIST_CARRY_ON = "To carry on with the one we're doing, say next."
MENU_REPROMPT = "Say the name of a routine to start, like lower back routine, or say list routines."

ROUTINE_START = "Let's begin the {routine}. It takes about {length}."
LENGTH_MINUTES = "{minutes} minutes"
LENGTH_HALF = "{minutes} and a half minutes"
LENGTH_MINUTES_SECONDS = "{minutes} minutes and {seconds} seconds"
RESUMING = "Picking up the {routine} at exercise {number}."
EQUIPMENT_NOTE = (
    "Some steps use {items}. If you don't have one, just tell me, for example: "
    "I don't have {example}."
)
STEP_HEADING = "Exercise {number} of {total}: {name}."
GENTLER_HEADING = "Here's the gentler one: {name}."
CONTINUE_HEADING = "Back to {name}."
SWAP_NOTE = "Since {reason}, I'll swap {name} for {other}."
LEAVE_OUT_NOTE = "I'm leaving out {name}, since {reason}."
REASON_WORSE = "it made things worse"
REASON_NO_EQUIPMENT = "you don't have {item}"

HOW_DID_IT_FEEL = "How did that feel: better, the same, or worse? Or just say next."
HOW_DID_IT_FEEL_LAST = (
    "That was the last one. How did it feel: better, the same, or worse? Or say next to finish."
)
SAY_NEXT = "Say next when you're ready, or tell me if that felt worse."
SAY_NEXT_FINISH = "Say next to finish, or tell me if that felt worse."
SAY_NEXT_SIDE = "Say next when you're ready for the other side."
FINISHED = "That's the end of the {routine}. Well done."
SEE_A_CLINICIAN = (
    "If your pain gets worse, or hasn't started easing within three days, please see a doctor "
    "or physiotherapist."
)
AFTER_FINISH = "You can start another routine, or say stop to finish."
NOTHING_RUNNING = "There's no routine running right now. Say list routines to hear what I have."
NOTHING_RUNNING_RESUME = (
    "There's no routine running right now, but you have one part done. "
    "Would you like to pick up where you left off?"
)
MOVING_ON = "Let's move on."
SKIPPING = "Skipping {name}."
BACK_TO_ROUTINE = "Back to the routine."
ALREADY_FIRST = "This is the first exercise, so here it is again."
GOING_BACK = "Going back one."
STARTING_OVER = "Starting again from the top."
NOTHING_TO_START_OVER = "There's no routine to start over."
PAUSED = "Paused. Take as long as you need, and say resume when you're ready."
PAUSED_REPROMPT = "Say resume to carry on, or stop to finish for now."
NOTHING_TO_PAUSE = "There's nothing to pause right now."
PICKING_UP = "Okay, picking up where we were."
NOTHING_TO_RESUME = "There's nothing to resume right now."
STOPPED_MID_ROUTINE = "Okay, we'll stop there. Next time, I can pick up from {name}."
GOODBYE = "Take care of your back. Goodbye."

HELP_WHERE = "You're in the {routine}, at {exercise}."
HELP_ROUTINE = (
    "You can say next, previous, repeat, skip, pause, or start over. If a stretch doesn't agree "
    "with you, say that felt worse. To change the hold, say something like hold for forty five "
    "seconds. If something feels wrong, ask me: is this a red flag?"
)
HELP_PAUSED = "We're paused. Say resume when you're ready, or stop to finish for now."
HELP_QUESTION = "I asked you a question."
HELP_MENU = (
    "I can talk you through a stretching routine, explain an exercise, like: how do I do cat cow, "
    "or help you check for warning signs if you ask: is this a red flag?"
)
APOLOGY = "Sorry, something went wrong on my side. Please try that again, or say stop."
DIDNT_CATCH = "Sorry, I didn't catch that."
# The local runner heard words it is unsure of: nothing is done until the user says yes.
WAS_THAT = "Sorry, was that '{words}'?"
WAS_THAT_REPROMPT = "Say yes if it was, or no if it wasn't."
WAS_THAT_SAFETY = "I've paused, just in case. Did you say '{words}'?"
NOT_THAT = "Okay, my mistake."
LOST_PLACE = "Sorry, I lost track of where we were, so let's carry on from here."

OFFER_RESUME_REPROMPT = "Say yes to pick up where you left off, or no to choose another routine."
NO_RESUME = "Okay, we'll start fresh."
OFFER_GENTLER = "A gentler option is {name}. Would you like to try it?"
OFFER_GENTLER_REPROMPT = "Say yes to try {name}, or no to move on."

FEELING_WHICH = "Did that feel better, the same, or worse?"
FEELING_BETTER = "Good, that's what we want."
FEELING_SAME = "Okay."
FEELING_BETTER_IDLE = "Glad to hear it."
FEELING_SAME_IDLE = "Thanks for letting me know."
FEELING_WORSE_IDLE = (
    "I'm sorry it's worse. Rest in a comfortable position, and if it keeps getting worse, or "
    "hasn't eased within three days, see a doctor. If something feels alarming, ask me: "
    "is this a red flag?"
)
WORSE_STOP = (
    "Thanks for telling me. Let's stop {name} there. I'll leave it out for the next two weeks; "
    "to have it back sooner, say: bring back {name}."
)
STOP_MOVING = "Stop there and rest in a comfortable position."

HOLD_WHICH = (
    "How long should I hold each stretch? Anything from ten to a hundred and twenty seconds."
)
HOLD_SET = "Okay, I'll count {seconds} seconds for each hold."
HOLD_CLAMPED = "I can count holds from {low} to {high} seconds, so I'll use {seconds}."
HOLD_IN_ROUTINE = "Say repeat to do this one again with the new time, or next to carry on."

WHICH_EXERCISE = (
    "Which exercise would you like to hear about? For example, cat cow or knee to chest."
)
UNKNOWN_EXERCISE = (
    "I don't know an exercise called {heard}. I can explain stretches like cat cow, "
    "child's pose or knee to chest."
)
EXPLAIN_INTRO = "Here's how to do {name}."
EXPLAIN_SIDES = "Do one side, then the other: left first, then right."
EXPLAIN_AVOIDED_BY_USER = (
    "You told me this one made things worse, so I've been leaving it out of your routines."
)
AVOID_INTRO = "While your back hurts, I'd leave out {name}."
DOSE_HOLD = "Hold it for about {seconds} seconds, breathing slowly, with no bouncing."
DOSE_REST = "Stay there for a minute or two, breathing slowly."
DOSE_REPS = "Do about {reps} slow repetitions, with no holding at the end."

PROGRESS_NONE = (
    "You haven't finished a routine with me yet. Your first one is a good place to start."
)
CONFIRM_DELETE = (
    "This deletes everything I've saved for you: your progress, settings, and where you left off. "
    "Are you sure?"
)
CONFIRM_DELETE_REPROMPT = "Say yes to delete your data, or no to keep it."
DATA_DELETED = "Done. I've deleted your data. Take care of your back. Goodbye."
DATA_KEPT = "Okay, I've kept everything as it was."
EQUIPMENT_WHICH = (
    "Which piece of equipment? I know about a tennis ball, a foam roller, a stability ball, "
    "a chair or couch, and a towel."
)
EQUIPMENT_MISSING = "Okay, you don't have {item}. I'll swap or skip the steps that need it."
EQUIPMENT_HAVE = "Great, I'll include the steps that use {item}."

# ---------------------------------------------------------------- steps and counting

START_SIDE = "Start with your {side} side."
SWITCH_SIDE = "Now switch to your {side} side."
LEAD_IN_HOLD = "Hold for {seconds} seconds, starting now."
LEAD_IN_REST = "Stay here for {duration}. Starting now."
LEAD_IN_REPS = "Let's do {reps}, slowly. Follow my count."
RELEASE = "And release."
RELAX = "And relax."
BREATH_CUE = "Keep breathing slowly."
REST_COUNT = "{seconds} seconds."
REST_RELEASE = "Take your time coming out of that position."
A_MINUTE = "a minute"
MINUTES = "{minutes} minutes"
MINUTE_AND_HALF = "a minute and a half"
SECONDS = "{seconds} seconds"
THE_LAST_STEP = "the last step"
THE_NEXT_EXERCISE = "the next exercise"

# ---------------------------------------------------------------- when something happened


# ---------------------------------------------------------------- safety during a routine

PAIN_WHERE = "Where do you feel it? And is the pain spreading, or does anything feel numb or weak?"
PAIN_WHERE_REPROMPT = (
    "Tell me where it hurts, and whether it's spreading, numb or weak. Or say stop to finish."
)
PAIN_NO_WARNING = (
    "Okay, nothing there sounds like a warning sign. If the pain spreads down a leg, or you "
    "notice numbness or weakness, tell me straight away."
)
CARRY_ON_QUESTION = "Would you like to carry on gently with the next exercise, or stop for today?"
CARRY_ON_REPROMPT = "Say carry on to go on gently, or stop to finish for today."
CARRYING_ON_GENTLY = "Okay, gently then. Only go as far as feels comfortable."
SELFCARE_IN_ROUTINE = "When you're ready, say next to carry on, or stop to finish."
BACK_TO_ROUTINE_AFTER_SCREEN = "Let's go back to where we were."
FINISHED_GO_EASY = (
    "That's the end of the {routine}. Since something felt worse today, go easy for the rest "
    "of the day."
)
BRING_BACK = "Okay, {name} is back in your routines."
BRING_BACK_NOT_LEFT_OUT = "{name} isn't being left out, so it will come up as usual."
BRING_BACK_WHICH = "Which exercise would you like back? For example, say: bring back child's pose."

# ---------------------------------------------------------------- checks before a routine

SAFETY_FIRST = "First, two quick safety questions. Please answer yes or no."
ASK_SIDE = "Which leg is the sore one: left or right?"
ASK_SIDE_REPROMPT = "Say left or right, for the leg that hurts. Or say skip."
ASK_RECENT = "Did this leg pain start within the last six months?"
ASK_RECENT_REPROMPT = "Say yes if the leg pain is fairly new, or no if you've had it longer."
RECENT_NOTED = (
    "Thanks. Recent nerve pain needs a light touch, so I'll keep the glides small and few."
)
OFFER_ROUTINE = "The {routine} may help with that. Would you like to start it now?"
NO_ROUTINE_NOW = "Okay. Whenever you're ready, say the name of a routine, or list routines."
SWITCH_ROUTINE = (
    "I've stopped the {current} for a moment. Do you want to leave it and start the {routine}?"
)
RESTART_ROUTINE = "We're in the {routine} now. Do you want to start it again from the beginning?"
STAYING_WITH = "Okay, staying with the {routine}."
CHECKS_CLEAR = "Thanks, no warning signs there."
SIDE_REMEMBERED = "Noted: your {side} leg is the sore one."
SIDE_NOTED = "Thanks. We'll start each side with your {side} leg, the one that isn't sore."
START_GOOD_SIDE = "Start with your {side} side, the one that isn't sore."
SWITCH_SORE_SIDE = "Now switch to your {side} side, the sore one. Go gently."

# ---------------------------------------------------------------- changing position

SETTLE = "Take a moment to settle into position."
DOWN_TO_FLOOR = (
    "Take your time getting down to the floor: lower one knee, then the other, put your hands "
    "down, then sit to one side and roll onto your back."
)
DOWN_TO_KNEES = (
    "Take your time getting down to the floor: lower one knee, then the other, and put your "
    "hands down."
)
KNEES_TO_BACK = "Ease down from your hands and knees: sit to one side, then roll onto your back."
BACK_TO_KNEES = "Roll onto your side, then push up onto your hands and knees."
FLOOR_TO_CHAIR = (
    "Time to get up. Roll onto your side, push up onto your hands and knees, then come up one "
    "leg at a time, holding a chair for support. Then sit down on it."
)
GET_UP = (
    "To get up, roll onto your side, push up onto your hands and knees, then come up one leg at "
    "a time, holding onto something steady."
)
SIT_DOWN = "Sit down on a firm chair."
STAND_UP = "Stand up slowly from your chair."

# ---------------------------------------------------------------- where we are

STATUS_STEP = "This is exercise {number} of {total}, {name}."
STATUS_SIDE = "You're on your {side} side."
STATUS_NEXT = "After this comes {name}."
STATUS_LAST = "This is the last one."
STATUS_NONE = "We're not in a routine right now."
STATUS_IN_HOLD = "{name}, {side} side. About {seconds} seconds to go."
STATUS_IN_HOLD_NO_SIDE = "{name}. About {seconds} seconds to go."

# ---------------------------------------------------------------- routine length

LENGTH_SHORT = "Okay, I'll do the short versions of the routines."
LENGTH_FULL = "Okay, I'll do the full versions of the routines."
LENGTH_WHICH = (
    "Would you like the short version or the full one? Say make it short, or the full version."
)

# The pain diary (coach/scores.py) and progress (coach/progress.py).
PAIN_BEFORE_QUESTION = (
    "Before we start, how's your back right now, from zero to ten? Zero means no pain at all. "
    "Or say skip."
)
PAIN_BEFORE_REPROMPT = "How's your back right now, from zero to ten? Or say skip."
PAIN_AFTER_QUESTION = "How's your back now, from zero to ten? Or say skip."
PAIN_NOTED = "Thanks, I've noted {score} out of ten."
PAIN_NOTED_AFTER = "Thanks, I've noted {score} out of ten, against {before} before you started."
PAIN_SKIPPED = "No problem, we'll leave the score for now."
PAIN_RANGE = (
    "I need a whole number from zero to ten, where zero is no pain and ten is the worst "
    "you can imagine."
)
PAIN_HIGH = "{score} out of ten is a lot of pain."
PAIN_JUMPED = "That's {rise} points more than before you started."
PROGRESS_WEEK = "This week you've done {count} {routines}{streak}."
PROGRESS_WEEK_NONE = "You haven't done a routine yet this week{streak}."
PROGRESS_STREAK = ", and you've stretched {days} days in a row"
PROGRESS_TREND = (
    "Your average pain before stretching went from {last} last week to {this} this week."
)
PROGRESS_THIS_WEEK = "Your average pain before stretching this week is {this} out of ten."
PROGRESS_LAST_WEEK = "Last week your average pain before stretching was {last} out of ten."
