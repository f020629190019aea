from webaudit.cli.main import main

main()
