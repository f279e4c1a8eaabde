from django.db import models
from django.utils.translation import gettext_lazy as _


class OrganisationType(models.TextChoices):
    UNIVERSITY = "university", _("University career service")
    PUBLIC_EMPLOYMENT = "public_employment", _("Public employment service")
    NGO = "ngo", _("Non-profit organisation")
    SCHOOL = "school", _("School or college")
    ADULT_EDUCATION = "adult_education", _("Adult education centre")
    COMPANY = "company", _("Company")
    OTHER = "other", _("Other")


class Service(models.TextChoices):
    INDIVIDUAL_GUIDANCE = "individual_guidance", _("One-to-one guidance")
    GROUP_WORKSHOPS = "group_workshops", _("Group workshops")
    ONLINE_GUIDANCE = "online_guidance", _("Guidance online")
    APPLICATIONS = "applications", _("CVs and job applications")
    SKILLS_ASSESSMENT = "skills_assessment", _("Skills assessment")
    JOB_MATCHING = "job_matching", _("Job and placement matching")
    MENTORING = "mentoring", _("Mentoring")
    PRACTITIONER_TRAINING = "practitioner_training", _("Training for guidance practitioners")


class Audience(models.TextChoices):
    YOUNG_PEOPLE = "young_people", _("Young people")
    STUDENTS = "students", _("Students")
    JOB_SEEKERS = "job_seekers", _("Job seekers")
    EMPLOYEES = "employees", _("Employees")
    CAREER_CHANGERS = "career_changers", _("People changing careers")
    SENIORS = "seniors", _("People over 50")
    NEWCOMERS = "newcomers", _("Newcomers to the country")
    PRACTITIONERS = "practitioners", _("Guidance practitioners")


class EventFormat(models.TextChoices):
    ONLINE = "online", _("Online")
    ONSITE = "onsite", _("On site")


class PostLevel(models.TextChoices):
    """The framework's learner levels, plus 'any' for tools that suit everyone."""

    ANY = "any", _("Any level")
    A = "A", _("A Basic")
    B = "B", _("B Intermediate")
    C = "C", _("C Advanced")


class PostStatus(models.TextChoices):
    DRAFT = "draft", _("Draft, not submitted")
    IN_MODERATION = "in_moderation", _("Waiting for a moderator")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    LIVE = "live", _("Published")
    LIVE_WITH_DRAFT = "live_with_draft", _("Published; your changes are not submitted")
