package vn.dondoc.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class DondocApplication {

  public static void main(String[] args) {
    SpringApplication.run(DondocApplication.class, args);
  }
}
