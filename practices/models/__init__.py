from .case import CaseDocumentKind, FictionalCasePage
from .indexes import ObstacleIndexPage, PerspectiveIndexPage, PracticeIndexPage, TrainingModuleIndexPage
from .module import DiplomaLevel, ModuleDiploma, TrainingModulePage, TrainingModulePageTag
from .obstacle import ObstaclePage, ObstaclePageTag
from .perspective import PerspectivePage, PerspectivePageTag
from .practice import PracticePage, PracticePageTag
from .taxonomy import CooperationObject, Diploma, EssentialCondition, Stage

__all__ = [
    "CaseDocumentKind",
    "Diploma",
    "FictionalCasePage",
    "ModuleDiploma",
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
