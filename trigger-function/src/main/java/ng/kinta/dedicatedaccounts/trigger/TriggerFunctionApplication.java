package ng.kinta.dedicatedaccounts.trigger;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class TriggerFunctionApplication {

	public static void main(String[] args) {
		SpringApplication.run(TriggerFunctionApplication.class, args);
	}

}
