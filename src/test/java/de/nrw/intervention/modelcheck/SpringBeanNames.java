package de.nrw.intervention.modelcheck;

import de.nrw.intervention.InterventionApplication;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.SimpleBeanDefinitionRegistry;
import org.springframework.context.annotation.AnnotationBeanNameGenerator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.io.Resource;
import org.springframework.util.ClassUtils;

/**
 * The names of the beans the application's component scan finds, for checking {@code ${beanName}} in the models.
 *
 * <p>Uses Spring's own scanner and bean name generator on the compiled main classes instead of starting the
 * application: the names follow exactly Spring's rules ({@code @Component("name")}, or the decapitalised class name,
 * also for {@code @Service} and {@code @Configuration}), and the check stays fast and needs no database. Bean methods
 * of {@code @Configuration} classes count too. Test classes are ignored, so a mock in a test cannot hide a missing
 * bean. Not covered: beans switched off by {@code @Profile}/{@code @Conditional...}; the process tests catch those.
 */
final class SpringBeanNames {

  private SpringBeanNames() {}

  static Set<String> ofApplication() {
    String mainClasses = InterventionApplication.class.getProtectionDomain().getCodeSource().getLocation().toString();
    ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(true);
    AnnotationBeanNameGenerator names = AnnotationBeanNameGenerator.INSTANCE;
    SimpleBeanDefinitionRegistry registry = new SimpleBeanDefinitionRegistry();
    Set<String> beans = new TreeSet<>();
    String rootPackage = ClassUtils.getPackageName(InterventionApplication.class);
    for (BeanDefinition candidate : scanner.findCandidateComponents(rootPackage)) {
      if (!isUnder(candidate, mainClasses)) {
        continue;
      }
      beans.add(names.generateBeanName(candidate, registry));
      if (candidate instanceof AnnotatedBeanDefinition annotated
          && annotated.getMetadata().hasAnnotation(Configuration.class.getName())) {
        beans.addAll(beanMethodNames(candidate.getBeanClassName()));
      }
    }
    return beans;
  }

  private static boolean isUnder(BeanDefinition candidate, String mainClasses) {
    Object source = candidate.getSource();
    try {
      return source instanceof Resource resource && resource.getURL().toString().startsWith(mainClasses);
    } catch (IOException e) {
      return false;
    }
  }

  private static Set<String> beanMethodNames(String className) {
    Set<String> beans = new TreeSet<>();
    try {
      for (Method method : Class.forName(className).getDeclaredMethods()) {
        Bean bean = AnnotatedElementUtils.findMergedAnnotation(method, Bean.class);
        if (bean != null) {
          beans.add(bean.name().length > 0 ? bean.name()[0] : method.getName());
        }
      }
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(className, e);
    }
    return beans;
  }
}
