package io.fedlab;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class FedlabApplication {

	public static void main(String[] args) {
		SpringApplication.run(FedlabApplication.class, args);
	}

}
