"""Contains all the data models used in inputs/outputs"""

from .error import Error
from .http_method import HttpMethod
from .masking_interaction import MaskingInteraction
from .masking_recording_event import MaskingRecordingEvent
from .masking_recording_event_name import MaskingRecordingEventName
from .masking_session import MaskingSession
from .masking_session_create_request import MaskingSessionCreateRequest
from .masking_session_create_response import MaskingSessionCreateResponse
from .masking_session_delete_response import MaskingSessionDeleteResponse
from .masking_session_event import MaskingSessionEvent
from .masking_session_event_name import MaskingSessionEventName
from .masking_session_get_response import MaskingSessionGetResponse
from .masking_session_list_item import MaskingSessionListItem
from .masking_session_list_meta import MaskingSessionListMeta
from .masking_session_list_page import MaskingSessionListPage
from .masking_session_list_response import MaskingSessionListResponse
from .masking_session_status import MaskingSessionStatus
from .masking_session_update_request import MaskingSessionUpdateRequest
from .masking_session_update_response import MaskingSessionUpdateResponse
from .masking_status_filter import MaskingStatusFilter
from .record_file_format import RecordFileFormat
from .verify_attempt import VerifyAttempt
from .verify_attempt_charge import VerifyAttemptCharge
from .verify_channel import VerifyChannel
from .verify_charges import VerifyCharges
from .verify_dtmf import VerifyDtmf
from .verify_event_session_status import VerifyEventSessionStatus
from .verify_session import VerifySession
from .verify_session_create_request import VerifySessionCreateRequest
from .verify_session_create_response import VerifySessionCreateResponse
from .verify_session_get_response import VerifySessionGetResponse
from .verify_session_list_meta import VerifySessionListMeta
from .verify_session_list_response import VerifySessionListResponse
from .verify_session_status import VerifySessionStatus
from .verify_session_validate_request import VerifySessionValidateRequest
from .verify_session_validate_response import VerifySessionValidateResponse
from .verify_status_event import VerifyStatusEvent

__all__ = (
    "Error",
    "HttpMethod",
    "MaskingInteraction",
    "MaskingRecordingEvent",
    "MaskingRecordingEventName",
    "MaskingSession",
    "MaskingSessionCreateRequest",
    "MaskingSessionCreateResponse",
    "MaskingSessionDeleteResponse",
    "MaskingSessionEvent",
    "MaskingSessionEventName",
    "MaskingSessionGetResponse",
    "MaskingSessionListItem",
    "MaskingSessionListMeta",
    "MaskingSessionListPage",
    "MaskingSessionListResponse",
    "MaskingSessionStatus",
    "MaskingSessionUpdateRequest",
    "MaskingSessionUpdateResponse",
    "MaskingStatusFilter",
    "RecordFileFormat",
    "VerifyAttempt",
    "VerifyAttemptCharge",
    "VerifyChannel",
    "VerifyCharges",
    "VerifyDtmf",
    "VerifyEventSessionStatus",
    "VerifySession",
    "VerifySessionCreateRequest",
    "VerifySessionCreateResponse",
    "VerifySessionGetResponse",
    "VerifySessionListMeta",
    "VerifySessionListResponse",
    "VerifySessionStatus",
    "VerifySessionValidateRequest",
    "VerifySessionValidateResponse",
    "VerifyStatusEvent",
)
