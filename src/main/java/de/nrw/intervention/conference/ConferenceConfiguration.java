package de.nrw.intervention.conference;

import de.nrw.intervention.calendar.PlatformCalendar;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConferenceProperties.class)
class ConferenceConfiguration {

  @Bean
  PersonPseudonyms personPseudonyms(ConferenceProperties properties) {
    return new PersonPseudonyms(properties.pseudonymKey());
  }

  @Bean
  RecogniseRepeatReferralListener recogniseRepeatReferralListener(ConferenceProperties properties,
      PlatformCalendar calendar) {
    return new RecogniseRepeatReferralListener(new RepeatReferrals(properties.repeatWindow(), calendar.zone()));
  }

  /** Before the engine's own interceptors, so the person number is gone before any command context sees it. */
  @Bean
  ProcessEnginePlugin pseudonymEnginePlugin(PersonPseudonyms pseudonyms) {
    return new AbstractProcessEnginePlugin() {
      @Override
      public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
            ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        interceptors.add(new PseudonymisingInterceptor(pseudonyms));
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
      }
    };
  }
}
