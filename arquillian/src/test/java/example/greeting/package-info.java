/** A stand-in for application code: classes the test WARs carry, loaded by the web application's class loader. */
package example.greeting;
