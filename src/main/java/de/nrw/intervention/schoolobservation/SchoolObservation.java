package de.nrw.intervention.schoolobservation;

import java.util.List;

/**
 * Names shared by {@code processes/school-observation.bpmn}, its form {@code observe-child}, the calling models and
 * the tests. The variables are all the called process receives and returns (data minimisation): a caller's call
 * activity maps exactly {@link Variables#IN} in and {@link Variables#OUT} out.
 */
public final class SchoolObservation {

  public static final String PROCESS_KEY = "school-observation";
  public static final String FORM = "observe-child";

  private SchoolObservation() {
  }

  public static final class Elements {
    public static final String OBSERVATION_REQUESTED = "Event_ObservationRequested";
    public static final String ROUTE_OBSERVATION = "Task_RouteObservation";
    public static final String OBSERVE_CHILD = "Task_ObserveChild";
    public static final String OBSERVATION_REPORTED = "Event_ObservationReported";

    private Elements() {
    }
  }

  public static final class Variables {
    public static final String CASE_REFERENCE = "caseReference";
    public static final String DISTRICT = "district";
    /** Due date of the school's task, an ISO period from the caller's deadlines decision, e.g. {@code P14D}. */
    public static final String PERIOD = "schoolObservationPeriod";
    /** As the Jugendamt entered them when it asked the school: enough to recognise the child, nothing more. */
    public static final String CHILD_FIRST_NAME = "observedChildFirstName";
    public static final String CHILD_AGE_AND_CLASS = "observedChildAgeAndClass";
    public static final String REQUEST = "schoolObservationRequest";
    public static final String CONCERNS_OBSERVED = "schoolConcernsObserved";
    public static final String REPORT = "schoolObservationReport";

    /** What a caller passes in, besides the business key. */
    public static final List<String> IN = List.of(CASE_REFERENCE, DISTRICT, PERIOD, CHILD_FIRST_NAME,
        CHILD_AGE_AND_CLASS, REQUEST);
    /** What the school's report gives back. */
    public static final List<String> OUT = List.of(CONCERNS_OBSERVED, REPORT);

    private Variables() {
    }
  }
}
