package it.app;

/** The application module: it holds the migrations, the entities live in shop-entities. */
public class ShopApplication {
}
