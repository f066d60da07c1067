from .indexes import ObstacleIndexPage, PerspectiveIndexPage, PracticeIndexPage, TrainingModuleIndexPage
from .module import DiplomaLevel, TrainingModulePage, TrainingModulePageTag
from .obstacle import ObstaclePage, ObstaclePageTag
from .perspective import PerspectivePage, PerspectivePageTag
from .practice import PracticePage, PracticePageTag
from .taxonomy import CooperationObject, EssentialCondition, Stage

__all__ = [
    "CooperationObject",
    "DiplomaLevel",
    "EssentialCondition",
    "ObstacleIndexPage",
    "ObstaclePage",
    "ObstaclePageTag",
    "PerspectiveIndexPage",
    "PerspectivePage",
    "PerspectivePageTag",
    "PracticeIndexPage",
    "PracticePage",
    "PracticePageTag",
    "Stage",
    "TrainingModuleIndexPage",
    "TrainingModulePage",
    "TrainingModulePageTag",
]
