"""A training module's timed plan: what it says, and whether it holds.

The plan lists the module's steps in teaching order. Sections and activities are named by their
rank in the module (their titles stay where they are written), an activity takes exactly its own
duration, and the steps add up to the module's duration: a teacher can run it as it stands.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from practices.blocks import PlanStepKind

NUMBERED = {PlanStepKind.SECTION, PlanStepKind.ACTIVITY}


@dataclass
class Step:
    kind: str
    kind_label: str
    title: str
    minutes: int
    start: int  # minutes from the start of the module

    @property
    def end(self):
        return self.start + self.minutes


def plan_problems(module):
    """What stops `module`'s plan from being run as written, as sentences for the editor; [] when it holds."""
    sections = [block.value["title"] for block in module.sections]
    activities = [block.value for block in module.activities]
    steps = [block.value for block in module.plan]
    if not steps:
        return [_("Le module n'a pas de déroulé minuté.")]
    problems = []
    seen = {PlanStepKind.SECTION: [], PlanStepKind.ACTIVITY: []}
    for position, step in enumerate(steps, start=1):
        kind, number = step["kind"], step.get("number")
        if kind in NUMBERED:
            count = len(sections) if kind == PlanStepKind.SECTION else len(activities)
            if not number or not 1 <= number <= count:
                problems.append(
                    _("Étape %(position)s : numéro %(number)s hors du module (1 à %(count)s).")
                    % {"position": position, "number": number, "count": count}
                )
                continue
            seen[kind].append(number)
            if kind == PlanStepKind.ACTIVITY and step["minutes"] != activities[number - 1]["duration_minutes"]:
                problems.append(
                    _("Étape %(position)s : l'activité « %(title)s » dure %(duration)s minutes, pas %(minutes)s.")
                    % {
                        "position": position,
                        "title": activities[number - 1]["title"],
                        "duration": activities[number - 1]["duration_minutes"],
                        "minutes": step["minutes"],
                    }
                )
        elif not (step.get("title") or "").strip():
            problems.append(_("Étape %(position)s : donnez-lui un titre.") % {"position": position})
    for kind, count, name in (
        (PlanStepKind.SECTION, len(sections), _("séquence")),
        (PlanStepKind.ACTIVITY, len(activities), _("activité")),
    ):
        for number in range(1, count + 1):
            times = seen[kind].count(number)
            if times != 1:
                problems.append(
                    _("La %(name)s %(number)s figure %(times)s fois au déroulé (une fois attendue).")
                    % {"name": name, "number": number, "times": times}
                )
    total = sum(step["minutes"] for step in steps)
    if total != module.duration_minutes:
        problems.append(
            _("Le déroulé totalise %(total)s minutes ; le module en dure %(duration)s.")
            % {"total": total, "duration": module.duration_minutes}
        )
    return problems


def timeline(module):
    """The plan as steps with their titles and start times, for the page's timeline."""
    sections = [block.value["title"] for block in module.sections]
    activities = [block.value["title"] for block in module.activities]
    labels = dict(PlanStepKind.choices)
    steps, start = [], 0
    for block in module.plan:
        step = block.value
        number = step.get("number") or 0
        if step["kind"] == PlanStepKind.SECTION and 1 <= number <= len(sections):
            title = sections[number - 1]
        elif step["kind"] == PlanStepKind.ACTIVITY and 1 <= number <= len(activities):
            title = activities[number - 1]
        else:
            title = step.get("title") or ""
        steps.append(Step(step["kind"], str(labels.get(step["kind"], step["kind"])), title, step["minutes"], start))
        start += step["minutes"]
    return steps
