namespace ContactCenter.Media;
