package de.nrw.intervention.youngoffender;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/** The bean names the BPMN expressions use exist in Spring and wire by constructor injection. */
class YoungOffenderBeansTest {

  @Test
  void beansNamedInTheModel_areCreatedBySpring() {
    try (AnnotationConfigApplicationContext context =
        new AnnotationConfigApplicationContext("de.nrw.intervention.youngoffender")) {
      assertThat(context.getBean("youngOffenderDates")).isInstanceOf(YoungOffenderDates.class);
      assertThat(context.getBean("socialRiskFactors")).isInstanceOf(SocialRiskFactors.class);
      assertThat(context.getBean("interventionPlan")).isInstanceOf(InterventionPlan.class);
      assertThat(context.getBean("startProgrammeYearDelegate")).isInstanceOf(StartProgrammeYearDelegate.class);
    }
  }
}
