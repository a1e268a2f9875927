// The relationship map's words: every string a user sees is a custom label.
import type { CoverageTexts, PersonTexts, RiskTexts } from 'c/relationshipMapModel';
import title from '@salesforce/label/c.Keystone_Relationship_Map_Title';
import loading from '@salesforce/label/c.Keystone_Relationship_Map_Loading';
import empty from '@salesforce/label/c.Keystone_Relationship_Map_Empty';
import mapLabel from '@salesforce/label/c.Keystone_Relationship_Map_Canvas';
import keyboardHelp from '@salesforce/label/c.Keystone_Relationship_Map_Keyboard_Help';
import centerFilter from '@salesforce/label/c.Keystone_Relationship_Map_Filter_Center';
import stanceFilter from '@salesforce/label/c.Keystone_Relationship_Map_Filter_Stance';
import linkTypeFilter from '@salesforce/label/c.Keystone_Relationship_Map_Filter_Link_Type';
import allCenters from '@salesforce/label/c.Keystone_Relationship_Map_All_Centers';
import allStances from '@salesforce/label/c.Keystone_Relationship_Map_All_Stances';
import allLinkTypes from '@salesforce/label/c.Keystone_Relationship_Map_All_Link_Types';
import configured from '@salesforce/label/c.Keystone_Relationship_Map_Configured';
import noStance from '@salesforce/label/c.Keystone_Relationship_Map_No_Stance';
import reportingLines from '@salesforce/label/c.Keystone_Relationship_Map_Reporting_Lines';
import peopleShown from '@salesforce/label/c.Keystone_Relationship_Map_People_Shown';
import fit from '@salesforce/label/c.Keystone_Relationship_Map_Fit';
import zoomIn from '@salesforce/label/c.Keystone_Relationship_Map_Zoom_In';
import zoomOut from '@salesforce/label/c.Keystone_Relationship_Map_Zoom_Out';
import exportSvg from '@salesforce/label/c.Keystone_Relationship_Map_Export_SVG';
import exportPng from '@salesforce/label/c.Keystone_Relationship_Map_Export_PNG';
import exportTitle from '@salesforce/label/c.Keystone_Relationship_Map_Export_Title';
import exportDate from '@salesforce/label/c.Keystone_Relationship_Map_Export_Date';
import exportFailed from '@salesforce/label/c.Keystone_Relationship_Map_Export_Failed';
import truncated from '@salesforce/label/c.Keystone_Relationship_Map_Truncated';
import hiddenLinks from '@salesforce/label/c.Keystone_Relationship_Map_Hidden_Links';
import badLinks from '@salesforce/label/c.Keystone_Relationship_Map_Bad_Links';
import hiddenFields from '@salesforce/label/c.Keystone_Relationship_Map_Hidden_Fields';
import risksTitle from '@salesforce/label/c.Keystone_Relationship_Map_Risks_Title';
import noRisks from '@salesforce/label/c.Keystone_Relationship_Map_No_Risks';
import coverageTitle from '@salesforce/label/c.Keystone_Relationship_Map_Coverage_Title';
import centersTitle from '@salesforce/label/c.Keystone_Relationship_Map_Centers_Title';
import decisionMakersTitle from '@salesforce/label/c.Keystone_Relationship_Map_Decision_Makers_Title';
import ownersTitle from '@salesforce/label/c.Keystone_Relationship_Map_Owners_Title';
import noCenters from '@salesforce/label/c.Keystone_Relationship_Map_No_Centers';
import noDecisionMakers from '@salesforce/label/c.Keystone_Relationship_Map_No_Decision_Makers';
import noOwners from '@salesforce/label/c.Keystone_Relationship_Map_No_Owners';
import nameColumn from '@salesforce/label/c.Keystone_Relationship_Map_Column_Name';
import pathsColumn from '@salesforce/label/c.Keystone_Relationship_Map_Column_Paths';
import ownerColumn from '@salesforce/label/c.Keystone_Relationship_Map_Column_Owner';
import holdsColumn from '@salesforce/label/c.Keystone_Relationship_Map_Column_Holds';
import paths from '@salesforce/label/c.Keystone_Relationship_Map_Paths';
import counting from '@salesforce/label/c.Keystone_Relationship_Map_Counting';
import onePath from '@salesforce/label/c.Keystone_Relationship_Map_One_Path';
import notReached from '@salesforce/label/c.Keystone_Relationship_Map_Not_Reached';
import noCenter from '@salesforce/label/c.Keystone_Relationship_Map_No_Center_Name';
import showPeople from '@salesforce/label/c.Keystone_Relationship_Map_Show_People';
import riskUnreachedDm from '@salesforce/label/c.Keystone_Relationship_Map_Risk_Unreached_DM';
import riskSingleDm from '@salesforce/label/c.Keystone_Relationship_Map_Risk_Single_DM';
import riskLeaving from '@salesforce/label/c.Keystone_Relationship_Map_Risk_Leaving';
import riskLeavingGroup from '@salesforce/label/c.Keystone_Relationship_Map_Risk_Leaving_Group';
import riskCut from '@salesforce/label/c.Keystone_Relationship_Map_Risk_Cut';
import riskUnreachedCenter from '@salesforce/label/c.Keystone_Relationship_Map_Risk_Unreached_Center';
import riskSingleCenter from '@salesforce/label/c.Keystone_Relationship_Map_Risk_Single_Center';
import riskChampion from '@salesforce/label/c.Keystone_Relationship_Map_Risk_Champion';
import riskChampionDeciding from '@salesforce/label/c.Keystone_Relationship_Map_Risk_Champion_Deciding';
import riskDetractor from '@salesforce/label/c.Keystone_Relationship_Map_Risk_Detractor';
import personDescription from '@salesforce/label/c.Keystone_Relationship_Map_Person_Description';
import teamDescription from '@salesforce/label/c.Keystone_Relationship_Map_Team_Description';
import unknown from '@salesforce/label/c.Keystone_Relationship_Map_Unknown';
import clearFocus from '@salesforce/label/c.Keystone_Relationship_Map_Clear_Focus';
import openRecord from '@salesforce/label/c.Keystone_Relationship_Map_Open_Record';
import influence from '@salesforce/label/c.Keystone_Relationship_Map_Influence';
import leaving from '@salesforce/label/c.Keystone_Relationship_Map_Leaving';
import champions from '@salesforce/label/c.Keystone_Relationship_Map_Champions';
import neighbours from '@salesforce/label/c.Keystone_Relationship_Map_Neighbours';
import waysInTitle from '@salesforce/label/c.Keystone_Relationship_Map_Ways_In_Title';
import noWaysIn from '@salesforce/label/c.Keystone_Relationship_Map_No_Ways_In';
import linksTitle from '@salesforce/label/c.Keystone_Relationship_Map_Links_Title';
import noLinks from '@salesforce/label/c.Keystone_Relationship_Map_No_Links';
import linkOut from '@salesforce/label/c.Keystone_Relationship_Map_Link_Out';
import linkIn from '@salesforce/label/c.Keystone_Relationship_Map_Link_In';
import addLink from '@salesforce/label/c.Keystone_Relationship_Map_Add_Link';
import editLink from '@salesforce/label/c.Keystone_Relationship_Map_Edit_Link';
import deleteLink from '@salesforce/label/c.Keystone_Relationship_Map_Delete_Link';
import confirmDelete from '@salesforce/label/c.Keystone_Relationship_Map_Confirm_Delete';
import confirmDeleteButton from '@salesforce/label/c.Keystone_Relationship_Map_Confirm_Delete_Button';
import cancel from '@salesforce/label/c.Keystone_Relationship_Map_Cancel';
import save from '@salesforce/label/c.Keystone_Relationship_Map_Save';
import otherPerson from '@salesforce/label/c.Keystone_Relationship_Map_Other_Person';
import choosePerson from '@salesforce/label/c.Keystone_Relationship_Map_Choose_Person';
import teamMember from '@salesforce/label/c.Keystone_Relationship_Map_Team_Member';
import direction from '@salesforce/label/c.Keystone_Relationship_Map_Direction';
import directionOut from '@salesforce/label/c.Keystone_Relationship_Map_Direction_Out';
import directionIn from '@salesforce/label/c.Keystone_Relationship_Map_Direction_In';
import linkType from '@salesforce/label/c.Keystone_Relationship_Map_Link_Type';
import strength from '@salesforce/label/c.Keystone_Relationship_Map_Field_Strength';
import noStrength from '@salesforce/label/c.Keystone_Relationship_Map_No_Strength';
import frequency from '@salesforce/label/c.Keystone_Relationship_Map_Frequency';
import noFrequency from '@salesforce/label/c.Keystone_Relationship_Map_No_Frequency';
import notes from '@salesforce/label/c.Keystone_Relationship_Map_Notes';
import showAll from '@salesforce/label/c.Keystone_Relationship_Map_Show_All';
import showFewer from '@salesforce/label/c.Keystone_Relationship_Map_Show_Fewer';
import ownerCount from '@salesforce/label/c.Keystone_Relationship_Map_Owner_Count';
import linkOutPlain from '@salesforce/label/c.Keystone_Relationship_Map_Link_Out_Plain';
import linkInPlain from '@salesforce/label/c.Keystone_Relationship_Map_Link_In_Plain';
import ourTeamGroup from '@salesforce/label/c.Keystone_Relationship_Map_Our_Team_Group';
import noCenterGroup from '@salesforce/label/c.Keystone_Relationship_Map_No_Center_Group';
import notesKeep from '@salesforce/label/c.Keystone_Relationship_Map_Notes_Keep';
import linksTruncated from '@salesforce/label/c.Keystone_Relationship_Map_Links_Truncated';
import saved from '@salesforce/label/c.Keystone_Relationship_Map_Saved';
import deleted from '@salesforce/label/c.Keystone_Relationship_Map_Deleted';
import ourTeam from '@salesforce/label/c.Keystone_Relationship_Map_Our_Team';
import legendLink from '@salesforce/label/c.Keystone_Relationship_Map_Legend_Link';
import legendInfrequent from '@salesforce/label/c.Keystone_Relationship_Map_Legend_Infrequent';
import legendReporting from '@salesforce/label/c.Keystone_Relationship_Map_Legend_Reporting';

export const LABELS = {
    title,
    loading,
    empty,
    mapLabel,
    keyboardHelp,
    centerFilter,
    stanceFilter,
    linkTypeFilter,
    allCenters,
    allStances,
    allLinkTypes,
    configured,
    noStance,
    reportingLines,
    peopleShown,
    fit,
    zoomIn,
    zoomOut,
    exportSvg,
    exportPng,
    exportTitle,
    exportDate,
    exportFailed,
    truncated,
    hiddenLinks,
    badLinks,
    hiddenFields,
    risksTitle,
    noRisks,
    coverageTitle,
    centersTitle,
    decisionMakersTitle,
    ownersTitle,
    noCenters,
    noDecisionMakers,
    noOwners,
    nameColumn,
    pathsColumn,
    ownerColumn,
    holdsColumn,
    paths,
    onePath,
    notReached,
    noCenter,
    showPeople,
    personDescription,
    teamDescription,
    unknown,
    clearFocus,
    openRecord,
    influence,
    leaving,
    champions,
    neighbours,
    waysInTitle,
    noWaysIn,
    linksTitle,
    noLinks,
    linkOut,
    linkIn,
    addLink,
    editLink,
    deleteLink,
    confirmDelete,
    confirmDeleteButton,
    cancel,
    save,
    otherPerson,
    choosePerson,
    teamMember,
    direction,
    directionOut,
    directionIn,
    linkType,
    strength,
    noStrength,
    frequency,
    noFrequency,
    notes,
    notesKeep,
    linkOutPlain,
    linkInPlain,
    ourTeamGroup,
    noCenterGroup,
    ownerCount,
    showAll,
    showFewer,
    linksTruncated,
    saved,
    deleted,
    ourTeam,
    legendLink,
    legendInfrequent,
    legendReporting
};

export const RISK_TEXTS: RiskTexts = {
    'unreached-decision-maker': riskUnreachedDm,
    'single-threaded-decision-maker': riskSingleDm,
    'leaving-without-backup': riskLeaving,
    'leaving-without-backup-group': riskLeavingGroup,
    'cut-person': riskCut,
    'unreached-buying-center': riskUnreachedCenter,
    'single-threaded-buying-center': riskSingleCenter,
    'competitor-champion': riskChampion,
    'competitor-champion-deciding': riskChampionDeciding,
    'influential-detractor': riskDetractor
};

export const COVERAGE_TEXTS: CoverageTexts = { paths, counting, onePath, notReached, noCenter };

export const PERSON_TEXTS: PersonTexts = { person: personDescription, teamMember: teamDescription, unknown };
