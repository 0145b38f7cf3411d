package de.nrw.intervention.youngoffender;

import static org.assertj.core.api.Assertions.assertThat;

import de.nrw.intervention.calendar.PlatformCalendar;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/** The bean names the BPMN expressions use exist in Spring and wire by constructor injection. */
class YoungOffenderBeansTest {

  @Test
  void beansNamedInTheModel_areCreatedBySpring() {
    try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
      context.registerBean(PlatformCalendar.class, () -> new PlatformCalendar(ZoneId.of("Europe/Berlin")));
      context.scan("de.nrw.intervention.youngoffender");
      context.refresh();
      assertThat(context.getBean("youngOffenderDates")).isInstanceOf(YoungOffenderDates.class);
      assertThat(context.getBean("socialRiskFactors")).isInstanceOf(SocialRiskFactors.class);
      assertThat(context.getBean("interventionPlan")).isInstanceOf(InterventionPlan.class);
      assertThat(context.getBean("startProgrammeYearDelegate")).isInstanceOf(StartProgrammeYearDelegate.class);
    }
  }
}
