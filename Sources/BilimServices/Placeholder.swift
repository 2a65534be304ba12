enum _PlaceholderBilimServices {}
